import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { synthesizedProject } from "../support/synth";

// The GitHub Actions workflows cannot run here; these checks catch what would break them silently:
// YAML that does not parse, npm scripts or stacks that do not exist, and missing credentials wiring.

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string;
  environment?: string;
  outputs?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  strategy?: { "fail-fast"?: boolean; matrix?: Record<string, unknown> };
  env?: Record<string, string>;
  steps: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  jobs: Record<string, Job>;
}

const DIR = ".github/workflows";
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));
const workflow = (file: string): Workflow => parse(readFileSync(join(DIR, file), "utf8"));
const steps = (file: string) => Object.values(workflow(file).jobs).flatMap((job) => job.steps);
const scripts = (file: string) => steps(file).flatMap((s) => (s.run ? [s.run] : []));
const packageScripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;

describe("GitHub workflows", () => {
  const synth = synthesizedProject();

  it("are the CI, pull-request diff, deploy and drift workflows, and parse", () => {
    expect(files.sort()).toEqual(["ci.yml", "deploy.yml", "drift.yml", "pr-diff.yml"]);
    for (const file of files) expect(Object.keys(workflow(file).jobs).length, file).toBeGreaterThan(0);
  });

  it.each(files)("%s runs only npm scripts that exist", (file) => {
    const used = scripts(file).flatMap((run) => [...run.matchAll(/npm run (?:--silent )?([\w:-]+)/g)].map((m) => m[1]));
    expect(used.length).toBeGreaterThan(0);
    for (const script of used) expect(Object.keys(packageScripts), `${file}: npm run ${script}`).toContain(script);
  });

  it.each(files)("%s names only synthesized stacks", (file) => {
    const named = scripts(file).flatMap((run) =>
      [...run.matchAll(/(?:cdktf\.out\/stacks\/|cdktf \w+ )([a-z][\w-]*)/g)].map((m) => m[1]),
    );
    for (const id of named) expect(synth.stackIds, `${file}: ${id}`).toContain(id);
  });

  it("CI installs exactly what the lock file pins, then runs npm test (lint, typecheck, tests) on every push", () => {
    const ci = workflow("ci.yml");
    expect(Object.keys(ci.on)).toContain("push");
    const runs = scripts("ci.yml");
    expect(runs.indexOf("npm ci")).toBeLessThan(runs.indexOf("npm test"));
    expect(packageScripts.test).toBe("bash scripts/test.sh");
    const testScript = readFileSync("scripts/test.sh", "utf8");
    for (const command of ["npm run --silent lint", "npm run --silent typecheck", "npx vitest run"]) {
      expect(testScript).toContain(command);
    }
    expect(packageScripts.lint).toBe("eslint . && prettier --check .");
    expect(packageScripts.typecheck).toBe("tsc --noEmit");
  });

  it("CI gives npm test Terraform and a provider mirror filled with the version the stacks pin", () => {
    const ciSteps = steps("ci.yml");
    const terraform = ciSteps.find((s) => s.uses?.startsWith("hashicorp/setup-terraform@"));
    expect(terraform?.with).toMatchObject({ terraform_version: "1.11.4", terraform_wrapper: false });
    const fill = ciSteps.find((s) => s.run?.includes("providers mirror"));
    expect(fill?.run).toMatch(
      /terraform -chdir=cdktf\.out\/stacks\/dev-network providers mirror "\$RUNNER_TEMP\/(\S+)"/,
    );
    const mirrorDir = /\$RUNNER_TEMP\/([\w-]+)/.exec(fill!.run!)![1];
    const test = ciSteps.find((s) => s.run === "npm test");
    expect(test?.env?.TF_PROVIDER_MIRROR).toBe(`\${{ runner.temp }}/${mirrorDir}`);
    expect(synth.stack("dev-network").terraform.required_providers.aws.version).toBe("5.100.0");
  });

  describe("pr-diff", () => {
    const pr = workflow("pr-diff.yml");
    const job = pr.jobs.diff;
    const run = (text: string) => job.steps.find((s) => s.run?.includes(text))?.run ?? "";

    it("runs on pull requests from this repository only, with an OIDC token and the right to comment", () => {
      expect(Object.keys(pr.on)).toEqual(["pull_request"]);
      expect(pr.permissions).toEqual({ contents: "read", "id-token": "write", "pull-requests": "write" });
      expect(job.if).toBe(
        "github.event.pull_request.head.repo.full_name == github.repository && needs.environments.outputs.names != '[]'",
      );
      expect(pr.jobs.environments.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    });

    it("plans every project environment, listed by the project, one job (and comment) each", () => {
      const list = pr.jobs.environments.steps.find((s) => s.id === "list")!;
      expect(list.run).toBe('names=$(npm run --silent environments)\necho "names=$names" >> "$GITHUB_OUTPUT"\n');
      expect(pr.jobs.environments.outputs).toEqual({ names: "${{ steps.list.outputs.names }}" });
      expect(job.needs).toBe("environments");
      expect(job.strategy).toEqual({
        "fail-fast": false,
        matrix: { environment: "${{ fromJSON(needs.environments.outputs.names) }}" },
      });
      expect(job.env?.ENVIRONMENT).toBe("${{ matrix.environment }}");
    });

    it("takes AWS credentials from GitHub OIDC, after synthesis and before the first diff", () => {
      const index = (match: (s: Step) => boolean) => job.steps.findIndex(match);
      const credentials = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      expect(credentials?.with).toEqual({
        "role-to-assume": "${{ vars.AWS_PLAN_ROLE_ARN }}",
        "aws-region": "${{ vars.AWS_REGION }}",
      });
      const synthIndex = index((s) => Boolean(s.run?.split("\n").includes("npm run synth")));
      const credentialsIndex = index((s) => s === credentials);
      const diffIndex = index((s) => Boolean(s.run?.includes("cdktf diff")));
      expect(synthIndex).toBeGreaterThanOrEqual(0);
      expect(synthIndex).toBeLessThan(credentialsIndex);
      expect(credentialsIndex).toBeLessThan(diffIndex);
    });

    // The helper's order is checked against cdktf's manifest in __tests__/scripts/pr-diff.test.ts.
    it("diffs every stack the helper lists, in its order, from the one synthesis", () => {
      const loop = run("cdktf diff");
      expect(loop).toContain('for stack in $(npm run --silent pr-diff -- stacks "$ENVIRONMENT"); do');
      expect(loop).toContain(
        'npx cdktf diff "$stack" --skip-synth --no-color > "pr-diff/$stack.log" 2>&1 || status=$?',
      );
      expect(loop).toContain('echo "$status" > "pr-diff/$stack.exit"');
    });

    it("estimates the cost at the head and base commits before rendering the comment, without AWS credentials", () => {
      const index = (match: (s: Step) => boolean) => job.steps.findIndex(match);
      const step = job.steps.find((s) => s.run?.includes("cost -- --json"))!;
      expect(step.env).toEqual({ BASE_SHA: "${{ github.event.pull_request.base.sha }}" });
      expect(step.run).toContain("npm run --silent cost -- --json > pr-diff/cost-head.json");
      expect(step.run).toContain('git worktree add --detach "$RUNNER_TEMP/base" "$BASE_SHA"');
      expect(step.run).toContain(
        'if ! (cd "$RUNNER_TEMP/base" && npm run --silent cost -- --json) > pr-diff/cost-base.json; then',
      );
      const credentials = index((s) => Boolean(s.uses?.startsWith("aws-actions/configure-aws-credentials@")));
      expect(index((s) => s === step)).toBeLessThan(credentials);
      expect(index((s) => s === step)).toBeLessThan(index((s) => Boolean(s.run?.includes("pr-diff -- comment"))));
    });

    it("renders the comment in TypeScript and posts it even when a plan failed, updating it by marker", () => {
      expect(run("pr-diff -- comment")).toBe('npm run --silent pr-diff -- comment "$ENVIRONMENT" pr-diff');
      const post = job.steps.find((s) => s.uses?.startsWith("actions/github-script@"));
      expect(post?.if).toBe("always() && hashFiles('pr-diff/comment.md') != ''");
      const script = String(post?.with?.script);
      expect(script).toContain('readFileSync("pr-diff/comment.md", "utf8")');
      expect(script).toContain("c.body.startsWith(marker)");
      expect(script).toContain("updateComment");
      expect(script).toContain("createComment");
    });
  });

  // Terraform 1.4+ takes a provider from the cache for a stack without a lock file only with
  // TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE; `npm run providers` leaves a lock file in each stack,
  // so cdktf does not run `terraform providers lock` (a download) either.
  it.each(files.filter((f) => steps(f).some((s) => s.uses?.startsWith("hashicorp/setup-terraform@"))))(
    "%s downloads the Terraform providers once: a provider cache, kept between runs",
    (file) => {
      for (const job of Object.values(workflow(file).jobs).filter((j) =>
        j.steps.some((s) => s.uses?.startsWith("hashicorp/setup-terraform@")),
      )) {
        expect(job.env?.TF_PLUGIN_CACHE_DIR).toBe("${{ github.workspace }}/.terraform-plugin-cache");
        expect(job.env?.TF_PLUGIN_CACHE_MAY_BREAK_DEPENDENCY_LOCK_FILE).toBe("true");
        const cache = job.steps.find(
          (s) => s.uses?.startsWith("actions/cache@") && s.with?.path === "${{ env.TF_PLUGIN_CACHE_DIR }}",
        );
        expect(cache?.with?.key).toBe("tf-plugin-cache-${{ runner.os }}-${{ hashFiles('package-lock.json') }}");
        const created = job.steps.findIndex((s) => Boolean(s.run?.includes('mkdir -p "$TF_PLUGIN_CACHE_DIR"')));
        expect(created).toBeGreaterThan(job.steps.indexOf(cache!));
        const cdktf = job.steps.findIndex((s) => /npx cdktf (deploy|diff)/.test(s.run ?? ""));
        if (cdktf >= 0) {
          const providers = job.steps.findIndex((s) => Boolean(s.run?.includes('npm run providers -- "$ENVIRONMENT"')));
          expect(job.steps[providers].run).toMatch(/npm run synth\nnpm run providers -- "\$ENVIRONMENT"/);
          expect(providers).toBeGreaterThanOrEqual(created);
          expect(providers).toBeLessThan(cdktf);
        }
      }
    },
  );

  it.each(["deploy.yml", "drift.yml"])("%s takes its environments from the project, one job each", (file) => {
    const { jobs } = workflow(file);
    const list = jobs.environments.steps.find((s) => s.run?.includes("npm run --silent environments"))!;
    expect(list.run).toMatch(
      /^names=\$\(npm run --silent environments -- --remote-state\b.*\)\necho "names=\$names" >> "\$GITHUB_OUTPUT"$/m,
    );
    expect(jobs.environments.outputs).toEqual({ names: "${{ steps.list.outputs.names }}" });
    const job = Object.values(jobs).find((j) => j.needs === "environments")!;
    expect(job.if).toBe("needs.environments.outputs.names != '[]'");
    expect(job.strategy).toEqual({
      "fail-fast": false,
      matrix: { environment: "${{ fromJSON(needs.environments.outputs.names) }}" },
    });
    expect(job.env?.ENVIRONMENT).toBe("${{ matrix.environment }}");
    expect(job.env?.CHECKPOINT_DISABLE).toBe("1");
  });

  describe("deploy", () => {
    const deploy = workflow("deploy.yml");
    const job = deploy.jobs.deploy;
    const index = (match: (s: Step) => boolean) => job.steps.findIndex(match);

    it("runs on each push to main, and by hand for one environment named in the run", () => {
      expect(deploy.on.push).toEqual({ branches: ["main"] });
      expect(deploy.on.workflow_dispatch).toEqual({
        inputs: { environment: expect.objectContaining({ required: true, type: "string" }) },
      });
      const list = deploy.jobs.environments.steps.find((s) => s.id === "list")!;
      expect(list.env).toEqual({ ENVIRONMENT_INPUT: "${{ inputs.environment }}" });
      expect(list.run).toContain('--remote-state ${ENVIRONMENT_INPUT:+"$ENVIRONMENT_INPUT"})');
      expect(deploy.permissions).toEqual({ contents: "read", "id-token": "write" });
    });

    it("deploys each environment behind the GitHub environment of the same name, one deploy at a time, never cancelled", () => {
      expect(job.environment).toBe("${{ matrix.environment }}");
      expect(job.concurrency).toEqual({ group: "deploy-${{ matrix.environment }}", "cancel-in-progress": false });
    });

    it("takes the environment's own deploy role from GitHub OIDC, then runs cdktf deploy of all its stacks", () => {
      const credentials = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      expect(credentials?.with).toEqual({
        "role-to-assume": "${{ vars.AWS_DEPLOY_ROLE_ARN }}",
        "aws-region": "${{ vars.AWS_REGION }}",
      });
      const deployStep = index((s) => Boolean(s.run?.includes("cdktf deploy")));
      expect(job.steps[deployStep].run).toBe('npx cdktf deploy "$ENVIRONMENT-*" --auto-approve');
      expect(index((s) => s === credentials)).toBeLessThan(deployStep);
      expect(index((s) => s.run === "npm ci")).toBeLessThan(deployStep);
    });
  });

  describe("drift", () => {
    const drift = workflow("drift.yml");
    const job = drift.jobs.drift;
    const index = (match: (s: Step) => boolean) => job.steps.findIndex(match);

    it("runs daily and by hand, with an OIDC token and the right to write issues", () => {
      const [schedule] = drift.on.schedule as { cron: string }[];
      expect(schedule.cron).toMatch(/^\d+ \d+ \* \* \*/);
      expect(Object.keys(drift.on).sort()).toEqual(["schedule", "workflow_dispatch"]);
      expect(drift.permissions).toEqual({ contents: "read", "id-token": "write", issues: "write" });
    });

    it("plans with the read-only plan role, outside the GitHub environments, so it never waits for an approval", () => {
      expect(job.environment).toBeUndefined();
      const credentials = job.steps.find((s) => s.uses?.startsWith("aws-actions/configure-aws-credentials@"));
      expect(credentials?.with?.["role-to-assume"]).toBe("${{ vars.AWS_PLAN_ROLE_ARN }}");
      expect(index((s) => s === credentials)).toBeLessThan(index((s) => Boolean(s.run?.includes("cdktf diff"))));
    });

    it("diffs every stack as the pull-request review does, then reads the plans with npm run drift", () => {
      const loop = job.steps.find((s) => s.run?.includes("cdktf diff"))!.run!;
      expect(loop).toContain('for stack in $(npm run --silent pr-diff -- stacks "$ENVIRONMENT"); do');
      expect(loop).toContain('npx cdktf diff "$stack" --skip-synth --no-color > "drift/$stack.log" 2>&1 || status=$?');
      const plans = job.steps.find((s) => s.id === "plans")!;
      expect(plans.run).toContain('state=$(npm run --silent drift -- "$ENVIRONMENT" drift)');
      expect(index((s) => s === plans)).toBeGreaterThan(index((s) => Boolean(s.run?.includes("cdktf diff"))));
    });

    it("opens or updates the environment's issue on drift, closes it when clean, and fails when a plan failed", () => {
      const issue = job.steps.find((s) => s.uses?.startsWith("actions/github-script@"))!;
      expect(issue.if).toBe("steps.plans.outputs.state != 'failed'");
      const script = String(issue.with?.script);
      expect(script).toContain("const title = `Drift in environment ${environment}`;");
      expect(script).toContain('labels: "drift"');
      expect(script).toMatch(/if \(state === "drift"\)[\s\S]*issues\.update[\s\S]*issues\.create\(/);
      expect(script).toMatch(/state === "clean" && issue[\s\S]*state: "closed"/);
      const fail = job.steps.find((s) => s.if === "steps.plans.outputs.state == 'failed'");
      expect(fail?.run).toContain("exit 1");
    });
  });
});
