import { describe, expect, it } from "vitest";
import { accessRemovalWarning, clusterAdmins } from "../../../modules/cluster/admins";

const ROLE = "arn:aws:iam::123456789012:role/platform-deploy";
const ALICE = "arn:aws:iam::123456789012:user/alice";

describe("clusterAdmins", () => {
  it("gives the deploy role the deployer entry, and each listed admin one, the deploy role once", () => {
    const expected = [
      { terraformName: "deployer", principalArn: ROLE },
      { terraformName: "admin_user_alice", principalArn: ALICE },
    ];
    expect(clusterAdmins(ROLE, [ALICE, ROLE], true)).toEqual(expected);
    // keepFirstDeployerAccess is about the first deployer only; the deploy role keeps its entry.
    expect(clusterAdmins(ROLE, [ALICE, ROLE], false)).toEqual(expected);
  });

  it("keeps the first deployer's entry when admins are listed without a deploy role", () => {
    expect(clusterAdmins(undefined, [ALICE], true)).toEqual([
      { terraformName: "deployer", firstDeployer: true },
      { terraformName: "admin_user_alice", principalArn: ALICE },
    ]);
  });

  it("drops the first deployer's entry only when told to", () => {
    expect(clusterAdmins(undefined, [ALICE], false)).toEqual([
      { terraformName: "admin_user_alice", principalArn: ALICE },
    ]);
  });

  it("keeps one entry for the first deployer when the environment names nobody", () => {
    expect(clusterAdmins(undefined, [], true)).toEqual([{ terraformName: "deployer", firstDeployer: true }]);
  });
});

describe("accessRemovalWarning", () => {
  it("says nothing while the first deployer keeps its entry", () => {
    expect(accessRemovalWarning({ adminPrincipalArns: [ALICE], keepFirstDeployerAccess: true })).toBeUndefined();
  });

  it("warns that dropping the first deployer's entry removes its cluster-admin, and whom to deploy as", () => {
    expect(accessRemovalWarning({ adminPrincipalArns: [ALICE], keepFirstDeployerAccess: false })).toBe(
      "cluster.keepFirstDeployerAccess is false, so the plan deletes the access entry of the identity that first " +
        "deployed the cluster (aws_eks_access_entry.deployer) and that identity loses cluster-admin unless it is " +
        "in cluster.adminPrincipalArns under an entry of its own. Deploy this change as one of " +
        "cluster.adminPrincipalArns (arn:aws:iam::123456789012:user/alice), or the later stacks of the deploy " +
        "fail; list the first deployer there only in a later deploy (EKS allows one entry per principal).",
    );
  });

  it("says the setting does nothing with a deploy role", () => {
    expect(
      accessRemovalWarning({ deployRoleArn: ROLE, adminPrincipalArns: [], keepFirstDeployerAccess: false }),
    ).toMatch(/^cluster.keepFirstDeployerAccess is false but has no effect: with account.roleArn/);
  });
});
