import { describe, expect, it } from "vitest";
import { COMPONENTS } from "../../stacks/contract";
import { synthesizedProject } from "../support/synth";

const synth = synthesizedProject();
const componentOf = (id: string) => COMPONENTS.find((c) => id.endsWith(`-${c}`))!;

describe("state backends", () => {
  it("keeps dev's state in the project, one file per stack, relative to the stack's directory", () => {
    for (const id of synth.stackIds.filter((s) => s.startsWith("dev-"))) {
      expect(synth.stack(id).terraform.backend, id).toEqual({
        local: { path: `../../../state/dev/${componentOf(id)}.tfstate` },
      });
    }
  });

  it("keeps prod's state in S3, encrypted, with native locking, one key per stack", () => {
    const prodIds = synth.stackIds.filter((s) => s.startsWith("prod-"));
    for (const id of prodIds) {
      expect(synth.stack(id).terraform.backend.s3, id).toEqual({
        bucket: "example-platform-terraform-state",
        key: `eks-fargate/prod/${componentOf(id)}.tfstate`,
        region: "ap-northeast-2",
        encrypt: true,
        use_lockfile: true,
        // The state lives in another account: the backend assumes the environment's state role.
        assume_role: { role_arn: "arn:aws:iam::111122223333:role/terraform-state" },
      });
    }
    const keys = prodIds.map((id) => synth.stack(id).terraform.backend.s3.key);
    expect(new Set(keys).size).toBe(prodIds.length);
  });

  it("reads each upstream's state with exactly the settings of the upstream's backend", () => {
    let reads = 0;
    for (const id of synth.stackIds) {
      const env = id.slice(0, -componentOf(id).length - 1);
      for (const [name, read] of Object.entries(synth.stack(id).data?.terraform_remote_state ?? {})) {
        const upstream = synth.stack(`${env}-${name.replace(/_/g, "-")}`).terraform.backend;
        const [type] = Object.keys(upstream);
        expect(read, `${id} reads ${name}`).toEqual({ backend: type, config: upstream[type] });
        reads++;
      }
    }
    expect(reads).toBeGreaterThanOrEqual(synth.stackIds.length - 2);
  });
});
