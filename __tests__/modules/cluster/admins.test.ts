import { describe, expect, it } from "vitest";
import { clusterAdmins } from "../../../modules/cluster/admins";

const ROLE = "arn:aws:iam::123456789012:role/platform-deploy";
const ALICE = "arn:aws:iam::123456789012:user/alice";

describe("clusterAdmins", () => {
  it("gives the deploy role the deployer entry, and each listed admin one, the deploy role once", () => {
    expect(clusterAdmins(ROLE, [ALICE, ROLE])).toEqual([
      { terraformName: "deployer", principalArn: ROLE },
      { terraformName: "admin_user_alice", principalArn: ALICE },
    ]);
  });

  it("gives only the listed admins entries when there is no deploy role", () => {
    expect(clusterAdmins(undefined, [ALICE])).toEqual([{ terraformName: "admin_user_alice", principalArn: ALICE }]);
  });

  it("keeps one entry for the first deployer when the environment names nobody", () => {
    expect(clusterAdmins(undefined, [])).toEqual([{ terraformName: "deployer", firstDeployer: true }]);
  });
});
