import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONSEQUENCES } from "../../scripts/plan-consequences";
import {
  breakages,
  commentMarker,
  GITHUB_COMMENT_LIMIT,
  readPlan,
  renderComment,
  stackOutput,
  type StackRun,
  truncatePlan,
} from "../../scripts/pr-comment";

// Two real logs of `CI=true npx cdktf diff <stack> --skip-synth --no-color` (stdout and stderr), run
// offline against the synthesized dev stacks: dev-network plans from empty state, dev-cluster
// cannot read dev-network's state because it was never deployed.
const fixture = (name: string) => readFileSync(join(__dirname, "fixtures", name), "utf8");
const NETWORK_LOG = fixture("cdktf-diff-dev-network.log");
const CLUSTER_LOG = fixture("cdktf-diff-dev-cluster-no-upstream-state.log");

/** A log as cdktf prints it: the stack id before the first line, indentation before the others. */
function log(stack: string, lines: string[]): string {
  const indent = " ".repeat(stack.length + 2);
  return lines.map((line, i) => (i === 0 ? `${stack}  ${line}` : line && `${indent}${line}`)).join("\n");
}

const network: StackRun = { stack: "dev-network", log: NETWORK_LOG, exitCode: 0 };
const cluster: StackRun = { stack: "dev-cluster", log: CLUSTER_LOG, exitCode: 1 };
const addons: StackRun = {
  stack: "dev-addons",
  log: log("dev-addons", ["No changes. Your infrastructure matches the configuration.", "", "Terraform has compared"]),
  exitCode: 0,
};

/** A plan of `resources` created resources, as long as needed to overflow a comment. */
function bigPlan(stack: string, resources: number): StackRun {
  const lines = ["Terraform used the selected providers to generate the following execution", ""];
  for (let i = 0; i < resources; i++) {
    lines.push(
      `# aws_subnet.s${i} will be created`,
      `  + resource "aws_subnet" "s${i}" {`,
      "      + id = (known after apply)",
      "    }",
    );
  }
  lines.push(
    "",
    `Plan: ${resources} to add, 0 to change, 0 to destroy.`,
    "",
    "Changes to Outputs:",
    "  + vpc_id = (known after apply)",
  );
  return { stack, log: log(stack, lines), exitCode: 0 };
}

describe("stackOutput", () => {
  it("keeps the stack's own lines without cdktf's prefix, npm warnings or the duplicated error", () => {
    const output = stackOutput(CLUSTER_LOG, "dev-cluster");
    expect(output).toMatch(/^Initializing the backend\.\.\./);
    expect(output).not.toContain("npm warn");
    expect(output).not.toContain("dev-cluster  ");
    expect(output).not.toContain("[ERROR]");
    expect(output.match(/Error: Unable to find remote state/g)).toHaveLength(1);
  });

  it("restores the indentation and blank line cdktf trims from a resource header that starts a chunk", () => {
    const output = stackOutput(
      log("dev-cluster", ["Terraform will perform the following actions:"]) +
        "\n" +
        log("dev-cluster", [
          "# aws_kms_key.secrets (eks/kms_secrets) will be created",
          '  + resource "aws_kms_key" "secrets" {',
        ]),
      "dev-cluster",
    );
    expect(output).toBe(
      'Terraform will perform the following actions:\n\n  # aws_kms_key.secrets (eks/kms_secrets) will be created\n  + resource "aws_kms_key" "secrets" {',
    );
  });

  it("drops colours and spinner frames", () => {
    const output = stackOutput(
      "\u001b[2K\u001b[1A⠋  Processing\ndev-network  \u001b[1mNo changes.\u001b[0m\n",
      "dev-network",
    );
    expect(output).toBe("No changes.");
  });
});

describe("readPlan", () => {
  it("reads a plan with changes: Terraform's summary line and the plan without init noise or apply hints", () => {
    const plan = readPlan(network);
    expect(plan.status).toBe("changes");
    expect(plan.summary).toBe("Plan: 23 to add, 0 to change, 0 to destroy.");
    expect(plan.body).toMatch(/^Terraform used the selected providers to generate the following execution\n/);
    expect(plan.body).toContain("# aws_vpc.vpc (vpc/vpc) will be created");
    expect(plan.body).toContain("Changes to Outputs:");
    expect(plan.body).not.toMatch(/Initializing|Saved the plan|terraform apply "plan"|─/);
    expect(plan.body.endsWith("+ vpc_id             = (known after apply)")).toBe(true);
  });

  it("tells an undeployed upstream apart from a failure", () => {
    const plan = readPlan(cluster);
    expect(plan.status).toBe("upstream not deployed");
    expect(plan.summary).toContain("deploy it");
    expect(plan.body).toMatch(/^Planning failed\./);
    expect(plan.body).toContain("No stored state was found for the given workspace in the given backend.");
  });

  it("reports a failure when an undeployed upstream is not the only error", () => {
    const both = {
      stack: "dev-cluster",
      log: log("dev-cluster", [
        "Planning failed.",
        "Error: reading STS Caller Identity",
        "",
        "Error: Unable to find remote state",
      ]),
      exitCode: 1,
    };
    expect(readPlan(both)).toMatchObject({ status: "failed", summary: "reading STS Caller Identity" });
  });

  it("reads no changes", () => {
    expect(readPlan(addons)).toMatchObject({ status: "no changes", summary: "No changes." });
  });

  it("reports a failed plan with Terraform's error", () => {
    const run = {
      stack: "dev-addons",
      log: log("dev-addons", ["Planning failed.", "Error: Invalid reference", "", "  on cdk.tf.json line 3"]),
      exitCode: 1,
    };
    expect(readPlan(run)).toMatchObject({ status: "failed", summary: "Invalid reference" });
  });

  it("reports cdktf's own error when the stack never ran, and a missing summary as a failure", () => {
    const unknown = { stack: "dev-nope", log: "Error: Usage Error: Could not find stack: dev-nope", exitCode: 1 };
    expect(readPlan(unknown)).toMatchObject({
      status: "failed",
      summary: "Usage Error: Could not find stack: dev-nope",
    });
    expect(readPlan({ stack: "dev-addons", log: "", exitCode: 0 })).toMatchObject({ status: "failed" });
  });

  it("reads imports and output-only changes", () => {
    const imports = {
      stack: "dev-addons",
      log: log("dev-addons", ["Plan: 1 to import, 0 to add, 0 to change, 0 to destroy."]),
      exitCode: 0,
    };
    expect(readPlan(imports).summary).toBe("Plan: 1 to import, 0 to add, 0 to change, 0 to destroy.");
    const outputs = {
      stack: "dev-addons",
      log: log("dev-addons", ["Changes to Outputs:", "  ~ x = 1 -> 2"]),
      exitCode: 0,
    };
    expect(readPlan(outputs)).toMatchObject({ status: "changes", summary: "Only output values change." });
  });
});

describe("renderComment", () => {
  const runs: StackRun[] = [network, cluster, addons, { stack: "dev-workloads", notSynthesized: true }];
  const comment = renderComment({ environment: "dev", runs, commit: "0123abc", runUrl: "https://example.test/run/1" });

  it("starts with the environment's hidden marker, which the workflow uses to update the comment", () => {
    expect(comment.split("\n")[0]).toBe(commentMarker("dev"));
    expect(commentMarker("dev")).not.toBe(commentMarker("prod"));
    expect(comment).toContain("Commit 0123abc · [workflow run and full logs](https://example.test/run/1)");
  });

  it("summarizes each stack in the given order in one table", () => {
    const rows = comment.split("\n").filter((l) => l.startsWith("| `"));
    expect(rows).toEqual([
      "| `dev-network` | 📝 Plan: 23 to add, 0 to change, 0 to destroy. |",
      "| `dev-cluster` | ⏳ an upstream stack has no state yet: deploy it, then this stack can be planned |",
      "| `dev-addons` | ✅ No changes. |",
      "| `dev-workloads` | ➖ not part of this environment |",
    ]);
  });

  it("puts each plan that ran in its own collapsed section", () => {
    expect(comment.match(/<details>/g)).toHaveLength(3);
    expect(comment).toContain(
      "<details><summary><code>dev-network</code>: Plan: 23 to add, 0 to change, 0 to destroy.</summary>\n\n```text\nTerraform used",
    );
    expect(comment).not.toContain("cut to fit");
  });

  it("warns when a plan destroys something", () => {
    const replace = {
      stack: "dev-network",
      log: log("dev-network", ["Plan: 1 to add, 0 to change, 1 to destroy."]),
      exitCode: 0,
    };
    expect(renderComment({ environment: "dev", runs: [replace] })).toContain("| `dev-network` | ⚠️ Plan: 1 to add");
  });

  it("fences a plan with more backticks than it contains", () => {
    const run = {
      stack: "dev-addons",
      log: log("dev-addons", ["Changes to Outputs:", '  + note = "```"']),
      exitCode: 0,
    };
    expect(renderComment({ environment: "dev", runs: [run] })).toContain("\n````text\n");
  });
});

// Real logs of `cdktf diff` for deployed dev stacks after one change each, written by
// fixtures/plan-logs.ts (the real cdktf CLI, Terraform and AWS provider, against a deployed state).
describe("what replacements and deletions break", () => {
  const plan = (name: string, stack: string, exitCode = 0) => readPlan({ stack, log: fixture(name), exitCode });
  const consequence = (type: string, kubeSystem = false) =>
    CONSEQUENCES.find((c) => c.type === type && Boolean(c.when) === kubeSystem)!.text;

  it("explains a replaced kube-system Fargate profile: its pods, coredns among them, are deleted", () => {
    const replaced = plan("cdktf-diff-dev-cluster-kube-system-profile-replaced.log", "dev-cluster");
    expect(replaced.summary).toBe("Plan: 1 to add, 0 to change, 1 to destroy.");
    expect(replaced.breakages).toEqual([
      {
        address: "aws_eks_fargate_profile.kube_system",
        action: "replaced",
        consequence: consequence("aws_eks_fargate_profile", true),
      },
    ]);
    expect(replaced.breakages[0].consequence).toMatch(/^EKS deletes every pod running on this profile, coredns .*DNS/);
  });

  it("explains a destroyed Fargate profile, and leaves its role and policy attachments unexplained", () => {
    const destroyed = plan("cdktf-diff-dev-cluster-profile-destroyed.log", "dev-cluster");
    expect(destroyed.summary).toBe("Plan: 0 to add, 0 to change, 4 to destroy.");
    expect(destroyed.body).toContain("# aws_iam_role.fargate_batch will be destroyed");
    expect(destroyed.breakages).toEqual([
      {
        address: "aws_eks_fargate_profile.batch",
        action: "destroyed",
        consequence: consequence("aws_eks_fargate_profile"),
      },
    ]);
    expect(destroyed.breakages[0].consequence).not.toContain("coredns");
  });

  it.each([
    [
      "cdktf-diff-dev-cluster-cluster-replaced.log",
      "dev-cluster",
      "aws_eks_cluster.cluster",
      /full outage.*new API endpoint/,
    ],
    [
      "cdktf-diff-dev-cluster-kms-key-replaced.log",
      "dev-cluster",
      "aws_kms_key.cluster_secrets",
      /schedules the key for deletion.*secrets/,
    ],
    [
      "cdktf-diff-dev-cluster-log-group-replaced.log",
      "dev-cluster",
      "aws_cloudwatch_log_group.fargate_pods",
      /logs it holds are lost/,
    ],
    [
      "cdktf-diff-dev-network-subnet-replaced.log",
      "dev-network",
      "aws_subnet.private_a",
      /Fargate pods.*network interfaces/,
    ],
  ])("%s: explains the one resource whose replacement is not obvious", (file, stack, address, words) => {
    const { breakages: found, body } = plan(file, stack);
    expect(body).toMatch(/(will be updated in-place|must be replaced)/);
    expect(found).toEqual([{ address, action: "replaced", consequence: consequence(address.split(".")[0]) }]);
    expect(found[0].consequence).toMatch(words);
  });

  it("explains a replaced VPC before its subnets, and not its routes or defaults", () => {
    const { breakages: found, summary } = plan("cdktf-diff-dev-network-vpc-replaced.log", "dev-network");
    expect(summary).toBe("Plan: 22 to add, 1 to change, 22 to destroy.");
    expect(found.map((b) => b.address)).toEqual([
      "aws_vpc.vpc",
      ...["private_a", "private_b", "private_c", "public_a", "public_b", "public_c"].map((s) => `aws_subnet.${s}`),
    ]);
  });

  it("explains nothing in a plan that only creates", () => {
    expect(readPlan(network).breakages).toEqual([]);
  });

  it("reads Terraform's other replacement and deletion headers", () => {
    const body = [
      "  # aws_eks_cluster.cluster (eks/cluster) is tainted, so must be replaced",
      "  # aws_cloudwatch_log_group.control_plane (deposed object 1a2b3c4d) will be destroyed",
      "  # aws_subnet.public_a will be replaced, as requested",
      "  # aws_kms_key.cluster_secrets will be updated in-place",
      "Plan: 2 to add, 1 to change, 3 to destroy.",
    ].join("\n");
    expect(breakages(body).map((b) => `${b.address} ${b.action}`)).toEqual([
      "aws_eks_cluster.cluster replaced",
      "aws_subnet.public_a replaced",
      "aws_cloudwatch_log_group.control_plane destroyed",
    ]);
  });

  // As `terraform plan` shows an access entry dropped from the configuration and one whose principal changes.
  it("names who loses cluster-admin when an access entry is deleted or replaced", () => {
    const body = [
      "  # aws_eks_access_entry.deployer will be destroyed",
      "  # (because aws_eks_access_entry.deployer is not in configuration)",
      '  - resource "aws_eks_access_entry" "deployer" {',
      '      - cluster_name      = "dev-fargate" -> null',
      '      - principal_arn     = "arn:aws:iam::123456789012:role/deployer" -> null',
      "    }",
      "  # aws_eks_access_entry.admin_user_alice must be replaced",
      '-/+ resource "aws_eks_access_entry" "admin_user_alice" {',
      '      ~ principal_arn     = "arn:aws:iam::123456789012:user/alice" -> "arn:aws:iam::123456789012:user/alice2" # forces replacement',
      "    }",
      "Plan: 1 to add, 0 to change, 2 to destroy.",
    ].join("\n");
    expect(breakages(body)).toEqual([
      {
        address: "aws_eks_access_entry.deployer",
        action: "destroyed",
        consequence:
          '"arn:aws:iam::123456789012:role/deployer" loses cluster-admin: EKS deletes its access entry, so kubectl as ' +
          "that identity, and every later stack a deploy runs as it, fail with Unauthorized until an entry admits it again.",
      },
      {
        address: "aws_eks_access_entry.admin_user_alice",
        action: "replaced",
        consequence: expect.stringMatching(/^"arn:aws:iam::123456789012:user\/alice" loses cluster-admin: /),
      },
    ]);
  });

  it("explains the load balancer a class change replaces: a Service recreated, an Ingress updated", () => {
    const body = [
      "  # kubernetes_ingress_v1.ingress_2048 (game_2048/app/ingress) will be updated in-place",
      '  ~ resource "kubernetes_ingress_v1" "ingress_2048" {',
      "      ~ spec {",
      '          ~ ingress_class_name = "alb" -> "eks-auto-alb"',
      "  # kubernetes_service_v1.echo_server will be replaced",
      '          ~ load_balancer_class = "service.k8s.aws/nlb" -> "eks.amazonaws.com/nlb" # forces replacement',
      "  # kubernetes_deployment_v1.echo_server will be updated in-place",
      '          ~ replicas = "2" -> "3"',
      "Plan: 1 to add, 2 to change, 1 to destroy.",
    ].join("\n");
    const found = breakages(body);
    expect(found.map((b) => `${b.address} ${b.action}`)).toEqual([
      "kubernetes_service_v1.echo_server replaced",
      "kubernetes_ingress_v1.ingress_2048 updated",
    ]);
    expect(found[0].consequence).toMatch(/^Its NLB is replaced: .* new DNS name/);
    expect(found[1].consequence).toMatch(/^Its ALB is replaced although the Ingress is only updated/);
  });

  it("puts them under the table, one item per stack and consequence, heaviest first", () => {
    const comment = renderComment({
      environment: "dev",
      runs: [
        { stack: "dev-network", log: fixture("cdktf-diff-dev-network-vpc-replaced.log"), exitCode: 0 },
        { stack: "dev-cluster", log: fixture("cdktf-diff-dev-cluster-kube-system-profile-replaced.log"), exitCode: 0 },
      ],
    });
    const section = comment.slice(comment.indexOf("| `dev-cluster` |"), comment.indexOf("<details>"));
    expect(section.split("\n").filter((l) => l.startsWith("- "))).toEqual([
      `- \`dev-network\`: \`aws_vpc.vpc\` is replaced. ${consequence("aws_vpc")}`,
      "- `dev-network`: `aws_subnet.private_a`, `aws_subnet.private_b`, `aws_subnet.private_c`, " +
        "`aws_subnet.public_a`, `aws_subnet.public_b` and `aws_subnet.public_c` are replaced. " +
        consequence("aws_subnet"),
      `- \`dev-cluster\`: \`aws_eks_fargate_profile.kube_system\` is replaced. ${consequence("aws_eks_fargate_profile", true)}`,
    ]);
    expect(section).toContain("**⚠️ What the replacements and deletions break**");
  });

  it("shows the upgrade guard's message when the cluster stack's plan stops on a two-minor jump", () => {
    const stopped = plan("cdktf-diff-dev-cluster-two-minor-jump.log", "dev-cluster", 1);
    expect(stopped).toMatchObject({ status: "failed", summary: "Resource precondition failed", breakages: [] });
    expect(stopped.body.replace(/\s+/g, " ")).toContain(
      'kubernetesVersion "1.35" is more than one minor version above the deployed cluster "dev-fargate", which runs 1.33',
    );
  });
});

describe("renderComment under GitHub's limit", () => {
  const runs = [
    bigPlan("dev-network", 3000),
    cluster,
    addons,
    bigPlan("dev-lb-controller", 800),
    bigPlan("dev-workloads", 40),
  ];
  const whole = runs.map((r) => readPlan(r).body.length).reduce((a, b) => a + b);
  const comment = renderComment({ environment: "dev", runs });
  const section = (stack: string) => comment.slice(comment.indexOf(`<code>${stack}</code>`)).split("</details>")[0];

  it("fits plans several times the limit into one comment", () => {
    expect(whole).toBeGreaterThan(3 * GITHUB_COMMENT_LIMIT);
    expect(comment.length).toBeLessThanOrEqual(GITHUB_COMMENT_LIMIT);
    expect(comment.length).toBeGreaterThan(GITHUB_COMMENT_LIMIT - 2000);
  });

  it("keeps short plans whole and cuts long ones, keeping their beginning and summary line", () => {
    expect(section("dev-workloads")).not.toContain("cut to fit");
    expect(section("dev-cluster")).toContain("No stored state was found");
    for (const [stack, resources] of [
      ["dev-network", 3000],
      ["dev-lb-controller", 800],
    ] as const) {
      expect(section(stack)).toContain("Terraform used the selected providers");
      expect(section(stack)).toMatch(/more lines \(\d+ characters\) cut to fit GitHub's comment limit/);
      expect(section(stack)).toContain(`\`npx cdktf diff ${stack}\``);
      expect(section(stack)).toContain(`\nPlan: ${resources} to add, 0 to change, 0 to destroy.\n`);
    }
  });

  it("gives the long plans equal shares", () => {
    const [network, lbController] = [section("dev-network"), section("dev-lb-controller")].map((s) => s.length);
    expect(Math.abs(network - lbController)).toBeLessThan(400);
  });

  it("holds any limit it can, and says so when it cannot", () => {
    for (const limit of [8_000, 20_000]) {
      expect(renderComment({ environment: "dev", runs, limit }).length).toBeLessThanOrEqual(limit);
    }
    expect(() => renderComment({ environment: "dev", runs, limit: 500 })).toThrow(/exceeds 500/);
  });
});

describe("truncatePlan", () => {
  const summary = "Plan: 30 to add, 0 to change, 0 to destroy.";
  const lines = [...Array.from({ length: 30 }, (_, i) => `# aws_subnet.s${i} will be created`), summary, "after"];
  const body = lines.join("\n");

  it("returns a plan that fits unchanged", () => {
    expect(truncatePlan(body, body.length, summary, "dev-x")).toBe(body);
  });

  it("cuts on line boundaries, says exactly what it cut, and keeps the summary line", () => {
    const cut = truncatePlan(body, 600, summary, "dev-x");
    expect(cut.length).toBeLessThanOrEqual(600);
    const [head, note] = cut.split("\n… ");
    const kept = head.split("\n");
    expect(kept.length).toBeGreaterThan(5);
    expect(kept).toEqual(lines.slice(0, kept.length));
    const dropped = lines.slice(kept.length).filter((l) => l !== summary);
    expect(note).toMatch(new RegExp(`^${dropped.length} more lines \\(${dropped.join("\n").length} characters\\) cut`));
    expect(cut.endsWith(`\n${summary}`)).toBe(true);
  });
});
