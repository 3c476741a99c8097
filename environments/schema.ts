import { z } from "zod";
import { ADDON_NAMES, type AddonName } from "../modules/addons/versions";
import { CLUSTER_NAME } from "../modules/cluster/names";
import { hasNoHostBits, parseCidr } from "../modules/network/cidr";
import { computeSettings } from "./compute";
import { PROFILE_NAME, fargateProfileRules } from "./rules/fargate-profiles";
import { versionRules } from "./rules/kubernetes-version";
import { subnetPlanRules } from "./rules/network";
import { accountRules, adminRules, principalArnProblem, type PrincipalKind } from "./rules/principal-arns";
import { endpointRules } from "./rules/public-cidrs";
import { regionProblem, zoneRules } from "./rules/regions";
import { bucketNameProblem } from "./rules/s3-bucket-name";
import { sampleRules } from "./rules/samples";
import { shown } from "./rules/show";
import { tagRules } from "./rules/tags";
import { autoscalingProblems } from "./rules/autoscaling";
import { computeRules } from "./rules/compute";

// Every message says what is wrong and how to fix it; the loader prefixes the environment and field.

const cidr = z.string().superRefine((value, ctx) => {
  const block = parseCidr(value);
  if (!block) {
    ctx.addIssue({
      code: "custom",
      message: `${shown(value)} is not an IPv4 CIDR block; write it as address/prefix, e.g. "10.10.0.0/16"`,
    });
  } else if (!hasNoHostBits(block)) {
    ctx.addIssue({
      code: "custom",
      message: `${shown(value)} has bits set after the /${block.prefix} prefix; use the network address of the block`,
    });
  }
});

/** A string checked by one of the AWS rules in environments/rules/ (problem returns the message, or undefined). */
const checked = (problem: (value: string) => string | undefined) =>
  z.string().superRefine((value, ctx) => {
    const message = problem(value);
    if (message) ctx.addIssue({ code: "custom", message });
  });

const awsRegion = checked(regionProblem);
const principalArn = (kind: PrincipalKind) => checked((arn) => principalArnProblem(arn, kind));

// CloudWatch Logs accepts only these retention periods.
const LOG_RETENTION_DAYS = [
  1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653,
] as const;

const retentionDays = z.number().refine((d) => (LOG_RETENTION_DAYS as readonly number[]).includes(d), {
  message: `must be one of CloudWatch's retention periods: ${LOG_RETENTION_DAYS.join(", ")}`,
});

const localBackend = z.strictObject({
  /** State lives in state/<env>/<component>.tfstate, relative to the project. */
  type: z.literal("local"),
});

const s3Backend = z.strictObject({
  type: z.literal("s3"),
  /** Existing, versioned bucket holding every stack's state. */
  bucket: checked(bucketNameProblem),
  /** Key prefix; each stack's key is <keyPrefix>/<env>/<component>.tfstate. */
  keyPrefix: z
    .string()
    .regex(
      /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)*$/,
      'must be a key prefix without leading or trailing slashes, e.g. "eks-fargate"',
    ),
  /** Region of the bucket. */
  region: awsRegion,
  /** S3-native state locking (Terraform 1.10+); no DynamoDB table needed. */
  useLockfile: z.boolean().default(true),
  /** Server-side encryption of the state objects. */
  encrypt: z.boolean().default(true),
  /** Role the backend and the remote-state reads assume, e.g. in the account that holds the state. */
  roleArn: principalArn("role").optional(),
});

const account = z.strictObject({
  /** The AWS account every stack deploys into; credentials for another account fail before any change. */
  id: z.string().regex(/^\d{12}$/, 'must be a 12-digit AWS account id, e.g. "123456789012"'),
  /** Role every AWS provider assumes to deploy; it is also the cluster's deploying admin. */
  roleArn: principalArn("role").optional(),
});

const namespacePattern = z
  .string()
  .regex(
    /^[a-z0-9*?]([-a-z0-9*?]{0,61}[a-z0-9*?])?$/,
    'must be a Kubernetes namespace name (lowercase letters, digits, "-") where "*" and "?" may stand for characters',
  );

// EKS add-on versions look like v1.13.2-eksbuild.4; a bare "1.13.2" is a common slip.
const addonVersion = z
  .string()
  .regex(
    /^v\d+\.\d+\.\d+-eksbuild\.\d+$/,
    'must be an EKS add-on version such as "v1.13.2-eksbuild.4" (aws eks describe-addon-versions lists them)',
  );

// One optional version per add-on of ADDON_NAMES, so a new add-on needs no edit here.
const addonVersionFields = Object.fromEntries(ADDON_NAMES.map((name) => [name, addonVersion.optional()])) as Record<
  AddonName,
  z.ZodOptional<typeof addonVersion>
>;

// A namespace a sample creates (and deletes): a plain name, not one Kubernetes manages itself.
const sampleNamespace = z
  .string()
  .regex(
    /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/,
    'must be a Kubernetes namespace name: 1-63 lowercase letters, digits or "-", starting and ending with a letter or digit',
  )
  .refine(
    (ns) => ns !== "default" && !ns.startsWith("kube-"),
    'is a namespace Kubernetes manages ("default", "kube-*"), which the sample would try to create and delete; choose your own, e.g. "app-2048"',
  );

const fargateProfile = z.strictObject({
  /** Profile name, also used in its pod execution role's name and its Terraform names. */
  name: z
    .string()
    .regex(
      PROFILE_NAME,
      "must be 1-40 letters, digits, '-' or '_', starting with a letter (it is part of Terraform names)",
    ),
  /** Pods matching any selector run on Fargate with this profile. */
  selectors: z
    .array(
      z.strictObject({
        namespace: namespacePattern,
        labels: z.record(z.string(), z.string()).optional(),
      }),
    )
    .min(1, "needs at least one selector"),
});

// A volume the cost estimate assumes: a plain number, zero allowed.
const gbPerMonth = z.number().nonnegative("must be a number of GB a month, 0 or more");

// What the cost estimate (npm run cost) cannot know from the stacks, stated as assumptions.
const costAssumptions = z.strictObject({
  /** Capacity units (LCU for an ALB, NLCU for an NLB) each load balancer is billed for every hour; a minimal baseline. */
  loadBalancerCapacityUnits: z.number().nonnegative("must be a number of capacity units, 0 or more").default(1),
  /** GB a month each log group ingests; each keeps it for cluster.logRetentionDays. */
  logsGbPerMonth: z
    .strictObject({
      /** Control-plane logs (cluster.logTypes), /aws/eks/<clusterName>/cluster. */
      controlPlane: gbPerMonth.default(10),
      /** Pod logs Fargate's Fluent Bit ships, /aws/eks/<clusterName>/fargate. */
      fargatePods: gbPerMonth.default(5),
      /** Fluent Bit's own process logs, when addons.fluentBitProcessLogs is on. */
      fluentBitProcess: gbPerMonth.default(1),
      /** VPC flow logs (vended logs), when flowLogs.enabled is on, /aws/vpc/<clusterName>/flow-logs. */
      flowLogs: gbPerMonth.default(5),
    })
    .prefault({}),
});

// Every field of an environment, each checked on its own; environmentSchema adds the rules across fields.
const environmentFields = z.strictObject({
  /** Environment name: the prefix of its stack ids (<name>-network, ...). */
  name: z
    .string()
    .regex(/^[a-z][a-z0-9-]{0,15}$/, "must be 1-16 lowercase letters, digits or '-', starting with a letter"),
  /** AWS region of every stack of the environment, in the standard `aws` partition. */
  region: awsRegion,
  /** The AWS account the environment deploys into, and the role to deploy with. */
  account: account.optional(),
  /** Availability zones, listed explicitly so a plan never depends on what an account sees. */
  availabilityZones: z
    .array(z.string())
    .min(2, "needs at least two availability zones: EKS requires subnets in two or more zones")
    .refine((azs) => new Set(azs).size === azs.length, "lists a zone twice; list each zone once"),
  /** The VPC's IPv4 block; /16 to /20 (private /20s and public /24s at /16). */
  vpcCidr: cidr,
  /** "single" NAT gateway (cheaper, one AZ) or "one-per-az" (survives an AZ outage). */
  natStrategy: z.enum(["single", "one-per-az"], { message: 'must be "single" or "one-per-az"' }),
  /** EKS cluster name; also the prefix of IAM role, log group and KMS alias names. */
  clusterName: z
    .string()
    .regex(
      CLUSTER_NAME,
      "must be 1-40 letters, digits, '-' or '_', starting with a letter or digit (IAM role names built from it are limited to 64 characters)",
    ),
  /** Kubernetes minor version of the control plane, e.g. "1.35". */
  kubernetesVersion: z.string(),
  /** Tags put on every AWS resource (provider default tags). */
  tags: z.record(z.string(), z.string()).default({}),
  /** Where the state of each stack lives. */
  backend: z.discriminatedUnion("type", [localBackend, s3Backend], {
    message: 'must be { type: "local" } or { type: "s3", bucket, keyPrefix, region, roleArn? }',
  }),
  /** VPC flow logs of the network stack, to a KMS-encrypted log group kept cluster.logRetentionDays. */
  flowLogs: z
    .strictObject({
      /** Log the VPC's traffic (default on); off removes the flow log, its group and its role. */
      enabled: z.boolean().default(true),
      /** Which traffic: "ALL" (accepted and rejected, the default), "ACCEPT" or "REJECT". */
      trafficType: z
        .enum(["ALL", "ACCEPT", "REJECT"], { message: 'must be "ALL", "ACCEPT" or "REJECT"' })
        .default("ALL"),
    })
    .prefault({}),
  /** Control plane and Fargate settings of the cluster stack. */
  cluster: z
    .strictObject({
      /** Who can reach the Kubernetes API: "public", "public-and-private" or "private" (deploys then run inside the VPC). */
      endpointAccess: z
        .enum(["public", "public-and-private", "private"], {
          message: 'must be "public", "public-and-private" or "private"',
        })
        .default("public-and-private"),
      /** CIDR blocks allowed to reach the public endpoint; default 0.0.0.0/0. Only with a public endpoint. */
      publicAccessCidrs: z.array(cidr).min(1, "must list at least one block, or be left out").optional(),
      /** Control-plane log types sent to CloudWatch. */
      logTypes: z
        .array(z.enum(["api", "audit", "authenticator", "controllerManager", "scheduler"]))
        .default(["api", "audit", "authenticator"]),
      /** Retention of every log group: control plane, Fargate pods, Fluent Bit process logs, VPC flow logs. */
      logRetentionDays: retentionDays.default(90),
      /** At the end of standard support: "EXTENDED" keeps the version (six times the control-plane price), "STANDARD" lets EKS upgrade it. */
      supportType: z
        .enum(["EXTENDED", "STANDARD"], { message: 'must be "EXTENDED" or "STANDARD"' })
        .default("EXTENDED"),
      /** EKS authentication mode; access entries either way. */
      authenticationMode: z
        .enum(["API", "API_AND_CONFIG_MAP"], {
          // EKS also takes CONFIG_MAP, but access entries need API or API_AND_CONFIG_MAP:
          // https://docs.aws.amazon.com/eks/latest/userguide/grant-k8s-access.html
          error: (issue) =>
            issue.input === "CONFIG_MAP"
              ? '"CONFIG_MAP" is refused on purpose: in that mode EKS accepts no access entries, which is how this project grants cluster-admin, so the cluster stack\'s deploy would fail; use "API" (the default) or "API_AND_CONFIG_MAP"'
              : 'must be "API" or "API_AND_CONFIG_MAP"',
        })
        .default("API"),
      /** IAM roles or users given cluster-admin access entries, besides account.roleArn. */
      adminPrincipalArns: z.array(principalArn("role or user")).default([]),
      /** Without account.roleArn: keep the access entry of the identity that first deployed the cluster (default); false removes it. */
      keepFirstDeployerAccess: z.boolean().default(true),
      /** Fargate profiles, created one after another. One must select kube-system (coredns runs there). */
      fargateProfiles: z
        .array(fargateProfile)
        .min(1)
        .default([
          { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
          { name: "apps", selectors: [{ namespace: "app-*" }] },
        ]),
    })
    .prefault({}),
  /** EKS managed add-on settings of the add-ons stack. */
  addons: z
    .strictObject({
      /** Add-on versions overriding the table of known-good versions for the Kubernetes version. */
      versions: z.strictObject(addonVersionFields).default({}),
      /** Send Fargate's Fluent Bit process logs to CloudWatch too (<cluster>-fluent-bit-logs), for debugging. */
      fluentBitProcessLogs: z.boolean().default(false),
    })
    .prefault({}),
  /** The sample applications of the workloads stack. */
  workloads: z
    .strictObject({
      /** Deploy the samples (internet-facing load balancers); off unless asked for. */
      enabled: z.boolean().default(false),
      /** Namespace of the 2048 game; a Fargate profile must select it. */
      gameNamespace: sampleNamespace.default("app-2048"),
      /** Namespace of the echo server; a Fargate profile must select it. */
      echoNamespace: sampleNamespace.default("app-echo"),
      /**
       * Scale each sample Deployment with a HorizontalPodAutoscaler on CPU; left out, each runs its fixed
       * replicas. With it, the HPA owns the replica count and a deploy never resets it.
       */
      autoscaling: z
        .strictObject({
          /** Pods each Deployment keeps at least (at least 1); the cost estimate prices these. */
          minReplicas: z.int("must be a whole number of pods"),
          /** Pods each Deployment may scale out to (at least minReplicas); the estimate gives their cost as the maximum. */
          maxReplicas: z.int("must be a whole number of pods"),
          /** Average CPU use, in percent of the pods' CPU requests, to scale at (1-100), e.g. 70. */
          targetCpuUtilization: z.int("must be a whole percentage, e.g. 70"),
        })
        .optional(),
    })
    .prefault({}),
  /** Capacity beyond Fargate: managed node groups, EKS Auto Mode or Karpenter. */
  compute: computeSettings,
  /** Assumed volumes of the cost estimate (npm run cost), for what the stacks cannot know. */
  cost: costAssumptions.prefault({}),
});

/** A parsed environment before the rules across its fields (what each rule in environments/rules/ checks). */
export type EnvironmentFields = z.output<typeof environmentFields>;
/** Reports a problem of the field at `path`; the loader prefixes the environment and the field. */
export type Problem = (path: PropertyKey[], message: string) => void;

/** The environment schema: each field, then the rules across fields, one per concern; `today` (an ISO date) decides version support. */
export function environmentSchema(today: string) {
  return environmentFields.superRefine((env, ctx) => {
    const problem: Problem = (path, message) => ctx.addIssue({ code: "custom", path, message });
    // One call per concern; each rule lives with the AWS or Kubernetes rules of that concern.
    zoneRules(env, problem);
    subnetPlanRules(env, problem);
    tagRules(env, problem);
    accountRules(env, problem);
    versionRules(env, problem, today);
    sampleRules(env, problem);
    endpointRules(env, problem);
    fargateProfileRules(env, problem);
    adminRules(env, problem);
    for (const p of autoscalingProblems(env.workloads.autoscaling))
      problem(["workloads", "autoscaling", p.field], p.message);
    computeRules(env, problem);
  });
}

/** An environment as written in environments/<name>.ts (defaults not yet applied). */
export type EnvironmentInput = z.input<ReturnType<typeof environmentSchema>>;
/** A validated environment with every default filled in. */
export type Environment = z.output<ReturnType<typeof environmentSchema>>;
/** Backend settings of an environment. */
export type BackendSettings = Environment["backend"];
