import { z } from "zod";
import { ADDON_NAMES, type AddonName, addonsWithoutVersion, missingVersionsMessage } from "../modules/addons/versions";
import { hasNoHostBits, parseCidr } from "../modules/network/cidr";
import {
  IAM_ROLE_NAME_LIMIT,
  podExecutionRoleName,
  principalTerraformName,
  terraformName,
} from "../modules/cluster/names";
import { supportStatus, supportedVersions } from "../modules/cluster/versions";
import { namespaceMatches } from "../modules/fargate/selector";
import { isLabelKey, isLabelValue } from "../modules/kubernetes/labels";
import { subnetPlanProblem } from "../modules/network/subnet-plan";

// Every message says what is wrong and how to fix it; the loader prefixes the environment and field.

const cidr = z.string().superRefine((value, ctx) => {
  const block = parseCidr(value);
  if (!block) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" is not an IPv4 CIDR block; write it as address/prefix, e.g. "10.10.0.0/16"`,
    });
  } else if (!hasNoHostBits(block)) {
    ctx.addIssue({
      code: "custom",
      message: `"${value}" has bits set after the /${block.prefix} prefix; use the network address of the block`,
    });
  }
});

const awsRegion = z.string().regex(/^[a-z]{2}(-[a-z]+)+-\d$/, 'must be an AWS region such as "ap-northeast-2"');

const ACCOUNT_ARN = /^arn:aws[a-z-]*:iam::\d{12}:(role|user)\/[\w+=,.@/-]+$/;

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
  bucket: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
      "must be an S3 bucket name: 3-63 lowercase letters, digits, dots, hyphens",
    ),
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
      /^[A-Za-z][A-Za-z0-9_-]{0,39}$/,
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
    .min(1, "needs at least one selector")
    .max(5, "has more than 5 selectors, the EKS limit; split them over two profiles"),
});

export function environmentSchema(today: string) {
  return z
    .strictObject({
      /** Environment name: the prefix of its stack ids (<name>-network, ...). */
      name: z
        .string()
        .regex(/^[a-z][a-z0-9-]{0,15}$/, "must be 1-16 lowercase letters, digits or '-', starting with a letter"),
      /** AWS region of every stack of the environment, in the standard `aws` partition. */
      region: awsRegion
        // The vendored controller policy and the ARNs built here are for the `aws` partition;
        // GovCloud has no EKS on Fargate logging.
        .refine(
          (region) => !/^(cn|us-gov|us-iso[a-z]?|eu-isoe)-/.test(region),
          'is outside the standard aws partition (China, GovCloud and ISO regions are not supported); choose a region such as "ap-northeast-2"',
        ),
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
          /^[A-Za-z0-9][A-Za-z0-9_-]{0,39}$/,
          "must be 1-40 letters, digits, '-' or '_', starting with a letter or digit (IAM role names built from it are limited to 64 characters)",
        ),
      /** Kubernetes minor version of the control plane, e.g. "1.35". */
      kubernetesVersion: z.string(),
      /** Tags put on every AWS resource (provider default tags). */
      tags: z.record(z.string(), z.string()).default({}),
      /** Where the state of each stack lives. */
      backend: z.discriminatedUnion("type", [localBackend, s3Backend], {
        message: 'must be { type: "local" } or { type: "s3", bucket, keyPrefix, region }',
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
            .enum(["API", "API_AND_CONFIG_MAP"], { message: 'must be "API" or "API_AND_CONFIG_MAP"' })
            .default("API"),
          /** IAM roles or users given cluster-admin access entries, besides the deploying identity. */
          adminPrincipalArns: z
            .array(
              z
                .string()
                .regex(
                  ACCOUNT_ARN,
                  "must be an IAM role or user ARN, e.g. arn:aws:iam::123456789012:role/platform-admin",
                ),
            )
            .default([]),
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
    })
    .superRefine((env, ctx) => {
      const problem = (path: PropertyKey[], message: string) => ctx.addIssue({ code: "custom", path, message });

      env.availabilityZones.forEach((az, i) => {
        if (!new RegExp(`^${env.region}[a-z]$`).test(az)) {
          problem(
            ["availabilityZones", i],
            `"${az}" is not a zone of region ${env.region}; use names like "${env.region}a"`,
          );
        }
      });

      if (parseCidr(env.vpcCidr)) {
        const plan = subnetPlanProblem(env.vpcCidr, env.availabilityZones.length);
        if (plan) problem(["vpcCidr"], plan);
      }

      const status = supportStatus(env.kubernetesVersion, today);
      if (status === "unknown" || status === "ended") {
        const why = status === "unknown" ? "is not an EKS version we know" : "is out of EKS support";
        problem(
          ["kubernetesVersion"],
          `"${env.kubernetesVersion}" ${why}; use one of ${supportedVersions(today).join(", ")}`,
        );
      }

      // An unsupported Kubernetes version is reported above already.
      const missingAddons = addonsWithoutVersion(env.kubernetesVersion, env.addons.versions);
      if (missingAddons.length > 0 && status !== "unknown" && status !== "ended") {
        problem(["addons", "versions"], missingVersionsMessage(env.kubernetesVersion, missingAddons));
      }

      if (env.workloads.echoNamespace === env.workloads.gameNamespace) {
        problem(
          ["workloads", "echoNamespace"],
          `"${env.workloads.echoNamespace}" is the game's namespace too; each sample creates and deletes its own, so give them different ones`,
        );
      }

      const { cluster } = env;
      if (status === "extended" && cluster.supportType === "STANDARD") {
        problem(
          ["cluster", "supportType"],
          `is "STANDARD" but kubernetesVersion "${env.kubernetesVersion}" is past standard support, so EKS would upgrade the control plane; upgrade to ${supportedVersions(today)[0]} or set "EXTENDED"`,
        );
      }
      if (cluster.endpointAccess === "private" && cluster.publicAccessCidrs) {
        problem(
          ["cluster", "publicAccessCidrs"],
          'is set but the endpoint is private; remove it or choose "public-and-private"',
        );
      }
      // Profile names become Terraform names with "-" as "_", so "a-b" and "a_b" would collide.
      const names = cluster.fargateProfiles.map((p) => terraformName(p.name));
      cluster.fargateProfiles.forEach(({ name, selectors }, i) => {
        const first = cluster.fargateProfiles[names.indexOf(names[i])].name;
        if (names.indexOf(names[i]) !== i) {
          problem(
            ["cluster", "fargateProfiles", i, "name"],
            first === name
              ? `"${name}" names two profiles; give each profile its own name`
              : `"${name}" and "${first}" differ only in "-" and "_", so their Terraform names collide; rename one`,
          );
        }
        const role = podExecutionRoleName(env.clusterName, name);
        if (role.length > IAM_ROLE_NAME_LIMIT) {
          problem(
            ["cluster", "fargateProfiles", i, "name"],
            `makes the pod execution role name "${role}" ${role.length} characters long, over IAM's limit of ${IAM_ROLE_NAME_LIMIT}; shorten the profile name or clusterName`,
          );
        }
        selectors.forEach((selector, j) => {
          for (const [key, value] of Object.entries(selector.labels ?? {})) {
            const path = ["cluster", "fargateProfiles", i, "selectors", j, "labels", key];
            if (!isLabelKey(key)) {
              problem(
                path,
                `"${key}" is not a Kubernetes label key: use a name of up to 63 letters, digits, '-', '_' or '.' that starts and ends with a letter or digit, optionally after a DNS prefix and "/" (e.g. "app.kubernetes.io/name")`,
              );
            } else if (!isLabelValue(value)) {
              problem(
                path,
                `"${value}" is not a label value a selector can match: use 1-63 letters, digits, '-', '_' or '.', starting and ending with a letter or digit`,
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
              ? `lists "${arn}" twice; list each principal once`
              : `"${arn}" and "${first}" would share the Terraform name admin_${admins[i]}; list only one of them`,
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
