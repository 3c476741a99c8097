import { z } from "zod";
import { ADDON_NAMES, type AddonName } from "../modules/addons/versions";
import { hasNoHostBits, parseCidr } from "../modules/network/cidr";
import {
  IAM_ROLE_NAME_LIMIT,
  podExecutionRoleName,
  principalTerraformName,
  terraformName,
} from "../modules/cluster/names";
import { supportStatus } from "../modules/cluster/versions";
import { namespaceMatches } from "../modules/fargate/selector";
import { isLabelKey, isLabelValue } from "../modules/kubernetes/labels";
import { MAX_ZONES, subnetPlanProblem } from "../modules/network/subnet-plan";
import { kubernetesVersionProblem, usableVersions } from "./rules/kubernetes-version";
import { autoModeProblems } from "./rules/auto-mode";
import { accountOf, principalArnProblem, type PrincipalKind } from "./rules/principal-arns";
import { publicCidrProblem } from "./rules/public-cidrs";
import { PUBLIC_ENDPOINT_CIDRS } from "./rules/quotas";
import { regionProblem, zoneProblem } from "./rules/regions";
import { bucketNameProblem } from "./rules/s3-bucket-name";
import { shown } from "./rules/show";
import { tagProblems } from "./rules/tags";
import { computeSettings } from "./compute";

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

const CLUSTER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/;
const PROFILE_NAME = /^[A-Za-z][A-Za-z0-9_-]{0,39}$/;

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

export function environmentSchema(today: string) {
  return z
    .strictObject({
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
        })
        .prefault({}),
      /** Capacity beyond Fargate: managed node groups, EKS Auto Mode or Karpenter. */
      compute: computeSettings,
      /** Assumed volumes of the cost estimate (npm run cost), for what the stacks cannot know. */
      cost: costAssumptions.prefault({}),
    })
    .superRefine((env, ctx) => {
      const problem = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

      env.availabilityZones.forEach((az, i) => {
        const zone = zoneProblem(az, env.region);
        if (zone) problem(["availabilityZones", i], zone);
      });
      // The zone count is the availabilityZones' problem; the VPC block's own problems are vpcCidr's.
      if (env.availabilityZones.length > MAX_ZONES) {
        problem(
          ["availabilityZones"],
          `lists ${env.availabilityZones.length} zones, but the subnet plan fits at most ${MAX_ZONES} (a ${MAX_ZONES + 1}th private subnet would overlap the public ones); list 2 or ${MAX_ZONES}`,
        );
      } else if (parseCidr(env.vpcCidr)) {
        const plan = subnetPlanProblem(env.vpcCidr, env.availabilityZones.length);
        if (plan) problem(["vpcCidr"], plan);
      }

      for (const { key, message } of tagProblems(env.tags))
        problem(key === undefined ? ["tags"] : ["tags", key], message);

      // A deploy role in another account than the one the providers are pinned to could never deploy.
      const roleAccount = env.account?.roleArn && accountOf(env.account.roleArn);
      if (env.account && roleAccount && /^\d{12}$/.test(env.account.id) && roleAccount !== env.account.id) {
        problem(
          ["account", "roleArn"],
          `is a role in account ${roleAccount}, but account.id is ${env.account.id}: the providers only accept credentials of ${env.account.id}; name a role of that account`,
        );
      }

      for (const { path, message } of autoModeProblems(env)) problem(path, message);

      const version = kubernetesVersionProblem(env.kubernetesVersion, env.addons.versions, today);
      if (version) problem(version.field.split("."), version.message);
      const status = supportStatus(env.kubernetesVersion, today);

      if (env.workloads.echoNamespace === env.workloads.gameNamespace) {
        problem(
          ["workloads", "echoNamespace"],
          `${shown(env.workloads.echoNamespace)} is the game's namespace too; each sample creates and deletes its own, so give them different ones`,
        );
      }

      const { cluster } = env;
      if (status === "extended" && cluster.supportType === "STANDARD") {
        problem(
          ["cluster", "supportType"],
          `is "STANDARD" but kubernetesVersion "${env.kubernetesVersion}" is past standard support, so EKS would upgrade the control plane; upgrade to ${usableVersions(today)[0]} or set "EXTENDED"`,
        );
      }
      if (cluster.endpointAccess === "private" && cluster.publicAccessCidrs) {
        problem(
          ["cluster", "publicAccessCidrs"],
          'is set but the endpoint is private; remove it or choose "public-and-private"',
        );
      } else if (cluster.publicAccessCidrs) {
        cluster.publicAccessCidrs.forEach((block, i) => {
          const notPublic = publicCidrProblem(block);
          if (notPublic) problem(["cluster", "publicAccessCidrs", i], notPublic);
        });
        // A restricted public-only endpoint also lists each NAT gateway's address (modules/cluster/eks-cluster.ts).
        const natIps =
          cluster.endpointAccess === "public" ? (env.natStrategy === "single" ? 1 : env.availabilityZones.length) : 0;
        const total = cluster.publicAccessCidrs.length + natIps;
        if (total > PUBLIC_ENDPOINT_CIDRS.limit) {
          const nat =
            natIps > 0 ? ` plus the ${natIps} NAT address${natIps > 1 ? "es" : ""} a public-only endpoint adds` : "";
          problem(
            ["cluster", "publicAccessCidrs"],
            `lists ${cluster.publicAccessCidrs.length} blocks${nat}, over EKS's limit of ${PUBLIC_ENDPOINT_CIDRS.limit} ("${PUBLIC_ENDPOINT_CIDRS.name}", a quota AWS does not raise); merge blocks into wider ones`,
          );
        }
      }
      // Profile names become Terraform names with "-" as "_", so "a-b" and "a_b" would collide.
      const names = cluster.fargateProfiles.map((p) => terraformName(p.name));
      cluster.fargateProfiles.forEach(({ name, selectors }, i) => {
        const first = cluster.fargateProfiles[names.indexOf(names[i])].name;
        if (names.indexOf(names[i]) !== i) {
          problem(
            ["cluster", "fargateProfiles", i, "name"],
            first === name
              ? `${shown(name)} names two profiles; give each profile its own name`
              : `${shown(name)} and ${shown(first)} differ only in "-" and "_", so their Terraform names collide; rename one`,
          );
        }
        // Only from valid names: an invalid one is reported on its own field already.
        const role = podExecutionRoleName(env.clusterName, name);
        if (CLUSTER_NAME.test(env.clusterName) && PROFILE_NAME.test(name) && role.length > IAM_ROLE_NAME_LIMIT) {
          problem(
            ["cluster", "fargateProfiles", i, "name"],
            `makes the pod execution role name ${shown(role)} ${role.length} characters long, over IAM's limit of ${IAM_ROLE_NAME_LIMIT}; shorten the profile name or clusterName`,
          );
        }
        selectors.forEach((selector, j) => {
          for (const [key, value] of Object.entries(selector.labels ?? {})) {
            const path = ["cluster", "fargateProfiles", i, "selectors", j, "labels", key];
            if (!isLabelKey(key)) {
              problem(
                path,
                `${shown(key)} is not a Kubernetes label key: use a name of up to 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit, optionally after a DNS prefix and "/" (e.g. "app.kubernetes.io/name")`,
              );
            } else if (!isLabelValue(value)) {
              problem(
                path,
                `${shown(value)} is not a label value a selector can match: use 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
              );
            }
          }
        });
      });
      // Each admin gets an access entry named after the principal; EKS allows one entry per principal.
      const admins = cluster.adminPrincipalArns.map(principalTerraformName);
      cluster.adminPrincipalArns.forEach((arn, i) => {
        const first = cluster.adminPrincipalArns[admins.indexOf(admins[i])];
        if (admins.indexOf(admins[i]) !== i) {
          problem(
            ["cluster", "adminPrincipalArns", i],
            first === arn
              ? `lists ${shown(arn)} twice; list each principal once`
              : `${shown(arn)} and ${shown(first)} would share the Terraform name admin_${admins[i]}; list only one of them`,
          );
        }
      });
      const selectsKubeSystem = cluster.fargateProfiles.some((p) =>
        p.selectors.some((s) => namespaceMatches(s.namespace, "kube-system") && !s.labels),
      );
      if (!selectsKubeSystem) {
        problem(
          ["cluster", "fargateProfiles"],
          'no profile selects the kube-system namespace, so coredns would never start; add { name: "kube-system", selectors: [{ namespace: "kube-system" }] }',
        );
      }
    });
}

/** An environment as written in environments/<name>.ts (defaults not yet applied). */
export type EnvironmentInput = z.input<ReturnType<typeof environmentSchema>>;
/** A validated environment with every default filled in. */
export type Environment = z.output<ReturnType<typeof environmentSchema>>;
/** Backend settings of an environment. */
export type BackendSettings = Environment["backend"];
