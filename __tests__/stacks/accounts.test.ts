import { describe, expect, it } from "vitest";
import { accountWideNames } from "../../modules/cluster/names";
import { projectEnvironments, synthesizedProject } from "../support/synth";

const synth = synthesizedProject();

describe("accounts", () => {
  it("pins every AWS provider of an environment with an account to it, assuming its deploy role (prod)", () => {
    const prod = projectEnvironments().find((e) => e.account)!;
    const stacks = synth.stackIds.filter((id) => id.startsWith(`${prod.name}-`) && synth.stack(id).provider?.aws);
    expect(stacks.length).toBe(4);
    for (const id of stacks) {
      expect(synth.stack(id).provider.aws[0], id).toMatchObject({
        allowed_account_ids: ["123456789012"],
        assume_role: [{ role_arn: "arn:aws:iam::123456789012:role/platform-deploy" }],
      });
    }
  });

  it("signs the Kubernetes and Helm providers' tokens as the deploy role, which has cluster-admin", () => {
    expect(synth.stack("prod-addons").provider.kubernetes[0].exec[0].args.slice(-2)).toEqual([
      "--role-arn",
      "arn:aws:iam::123456789012:role/platform-deploy",
    ]);
    expect(synth.stack("prod-lb-controller").provider.helm[0].kubernetes.exec.args.slice(-2)).toEqual([
      "--role-arn",
      "arn:aws:iam::123456789012:role/platform-deploy",
    ]);
  });

  it("leaves an environment without an account to the caller's credentials (dev)", () => {
    for (const id of synth.stackIds.filter((s) => s.startsWith("dev-"))) {
      const aws = synth.stack(id).provider?.aws?.[0] ?? {};
      expect(aws, id).not.toHaveProperty("allowed_account_ids");
      expect(aws, id).not.toHaveProperty("assume_role");
      expect(JSON.stringify(synth.stack(id).provider ?? {}), id).not.toContain("--role-arn");
    }
  });

  it("checks collisions against exactly the IAM names the stacks create", () => {
    for (const env of projectEnvironments()) {
      const created = synth.stackIds
        .filter((id) => id.startsWith(`${env.name}-`))
        .flatMap((id) => {
          const resources = synth.stack(id).resource ?? {};
          const named = (type: string, kind: string) =>
            Object.values((resources[type] ?? {}) as Record<string, { name: string }>).map((r) => `${kind}/${r.name}`);
          return [...named("aws_iam_role", "role"), ...named("aws_iam_policy", "policy")];
        });
      const names = accountWideNames(
        env.clusterName,
        env.cluster.fargateProfiles.map((p) => p.name),
        env.compute.karpenter.enabled,
      );
      expect(created.sort(), env.name).toEqual([...names].sort());
    }
  });
});
