// A stack planned as a user would plan a change: the stack as synthesized AFTER the change, with the real
// hashicorp/aws 5.100.0 provider, against the state a deploy of the stack as synthesized BEFORE it left.
// Only the real provider knows which attribute forces a new resource (the mocked provider of
// `terraform test` plans every change as an update), so this is how a test proves "updated in place".
// Offline, AWS is stood in for by:
// - a "deployed" state: each stack is planned against its own state, with the values only AWS knows
//   (ids, ARNs) filled in, until the plan is empty (the mock values of fakes.ts);
// - a local endpoint answering the calls a plan without refresh makes: STS GetCallerIdentity, and EKS
//   ListClusters and DescribeCluster (the upgrade guard);
// - provider settings that skip the credential checks, in an override file next to the stack.
// __tests__/scripts/fixtures/plan-logs.ts uses the same machinery for the PR comment's fixtures.
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { COMPONENTS, outputNames, outputSpec } from "../../stacks/contract";
import type { StackJson } from "../support/synth";
import { FAKE_OUTPUTS, MOCK_RESOURCE_DEFAULTS } from "./fakes";
import { writeCliConfig } from "./harness";
import { awsOnly } from "./workspace";

const ACCOUNT = "123456789012";
const REGION = "ap-northeast-2";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;
/** A resource of a state file. */
export interface StateResource {
  mode: "managed";
  type: string;
  name: string;
  provider: string;
  instances: { schema_version: number; attributes: Json; sensitive_attributes: [] }[];
}

/** Runs a command without blocking the event loop (the stand-in endpoint must keep answering). */
export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((done, fail) => {
    const child = spawn(command, args, { cwd, env });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    child.on("close", (status) =>
      status === 0 ? done(output) : fail(new Error(`${command} ${args.join(" ")}: ${status}\n${output}`)),
    );
  });
}

/** What EKS reports as deployed: the region's clusters and their version. */
export interface DeployedClusters {
  /** Names ListClusters returns. */
  clusters: string[];
  /** The version DescribeCluster reports. */
  version: string;
  /** Auto Mode's settings as DescribeCluster reports them: absent on a cluster that never had Auto Mode. */
  autoMode?: { computeConfig: Json; storageConfig: Json; elasticLoadBalancing: Json };
}

/** The local stand-in for STS and EKS; `deployed` says what is deployed, read at each request. */
export function standIn(deployed: DeployedClusters) {
  return createServer((request, response) => {
    let body = "";
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      if (request.method === "POST" && body.includes("Action=GetCallerIdentity")) {
        response.setHeader("Content-Type", "text/xml");
        response.end(
          `<GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><GetCallerIdentityResult>` +
            `<Arn>arn:aws:iam::${ACCOUNT}:user/deployer</Arn><UserId>AIDAEXAMPLE</UserId><Account>${ACCOUNT}</Account>` +
            `</GetCallerIdentityResult><ResponseMetadata><RequestId>0</RequestId></ResponseMetadata></GetCallerIdentityResponse>`,
        );
      } else if (request.url?.startsWith("/clusters/")) {
        const name = decodeURIComponent(request.url.slice("/clusters/".length).split("?")[0]);
        response.setHeader("Content-Type", "application/json");
        response.end(
          JSON.stringify({
            cluster: {
              name,
              arn: `arn:aws:eks:ap-northeast-2:${ACCOUNT}:cluster/${name}`,
              version: deployed.version,
              status: "ACTIVE",
              endpoint: FAKE_OUTPUTS.cluster_endpoint,
              certificateAuthority: { data: FAKE_OUTPUTS.cluster_certificate_authority_data },
              identity: { oidc: { issuer: FAKE_OUTPUTS.oidc_issuer_url } },
              roleArn: `arn:aws:iam::${ACCOUNT}:role/${name}-cluster`,
              platformVersion: "eks.1",
              createdAt: 1767225600,
              resourcesVpcConfig: {
                subnetIds: FAKE_OUTPUTS.private_subnet_ids,
                securityGroupIds: [],
                clusterSecurityGroupId: FAKE_OUTPUTS.cluster_security_group_id,
                vpcId: FAKE_OUTPUTS.vpc_id,
                endpointPublicAccess: true,
                endpointPrivateAccess: true,
                publicAccessCidrs: ["0.0.0.0/0"],
              },
              kubernetesNetworkConfig: {
                serviceIpv4Cidr: "172.20.0.0/16",
                ipFamily: "ipv4",
                ...(deployed.autoMode && { elasticLoadBalancing: deployed.autoMode.elasticLoadBalancing }),
              },
              accessConfig: { authenticationMode: "API", bootstrapClusterCreatorAdminPermissions: false },
              upgradePolicy: { supportType: "EXTENDED" },
              zonalShiftConfig: { enabled: false },
              ...(deployed.autoMode && {
                computeConfig: deployed.autoMode.computeConfig,
                storageConfig: deployed.autoMode.storageConfig,
              }),
              remoteNetworkConfig: { remoteNodeNetworks: [], remotePodNetworks: [] },
              logging: { clusterLogging: [{ types: ["api", "audit", "authenticator"], enabled: true }] },
              tags: {},
            },
          }),
        );
      } else if (request.url?.startsWith("/clusters")) {
        response.setHeader("Content-Type", "application/json");
        response.end(JSON.stringify({ clusters: deployed.clusters }));
      } else {
        response.statusCode = 400;
        response.end(`unexpected ${request.method} ${request.url} ${body}`);
      }
    });
  });
}

const KEY_ID = "0123abcd-0123-4567-89ab-0123456789ab";
// The id prefixes EC2 gives its resources.
const EC2_PREFIXES: Record<string, string> = {
  aws_vpc: "vpc",
  aws_subnet: "subnet",
  aws_internet_gateway: "igw",
  aws_nat_gateway: "nat",
  aws_eip: "eipalloc",
  aws_route_table: "rtb",
  aws_default_route_table: "rtb",
  aws_route_table_association: "rtbassoc",
  aws_default_network_acl: "acl",
  aws_default_security_group: "sg",
};

/** Stable hexadecimal digits for a resource, so ids look like AWS's and differ between resources. */
function hexOf(text: string, length = 17): string {
  let hash = 2166136261;
  let digits = "";
  while (digits.length < length) {
    for (const c of `${text}${digits.length}`) hash = Math.imul(hash ^ c.charCodeAt(0), 16777619) >>> 0;
    digits += hash.toString(16).padStart(8, "0");
  }
  return digits.slice(0, length);
}

/** What AWS would report for an attribute it computes, in its own format; undefined for no rule. */
function awsValue(resourceType: string, attribute: string, name: string, after: Json): Json {
  const prefix = EC2_PREFIXES[resourceType];
  const named = after?.name;
  switch (attribute) {
    case "id":
      if (prefix) return `${prefix}-0${hexOf(resourceType + name)}`;
      if (resourceType === "aws_eks_fargate_profile") return `${after.cluster_name}:${after.fargate_profile_name}`;
      if (resourceType === "aws_kms_key") return KEY_ID;
      if (resourceType === "aws_iam_role_policy_attachment") return `${after.role}-20260105093000${hexOf(name, 12)}`;
      return named;
    case "arn":
      if (resourceType === "aws_eks_fargate_profile") {
        return `arn:aws:eks:${REGION}:${ACCOUNT}:fargateprofile/${after.cluster_name}/${after.fargate_profile_name}/4ec9b6e1-5f2a-9c7e-1d3b-${hexOf(name, 12)}`;
      }
      if (resourceType === "aws_eks_cluster") return `arn:aws:eks:${REGION}:${ACCOUNT}:cluster/${named}`;
      if (resourceType === "aws_cloudwatch_log_group") return `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${named}`;
      if (resourceType === "aws_iam_role") return `arn:aws:iam::${ACCOUNT}:role/${named}`;
      if (resourceType === "aws_iam_policy") return `arn:aws:iam::${ACCOUNT}:policy/${named}`;
      return undefined;
    case "key_id":
    case "target_key_id":
      return KEY_ID;
    case "status":
      return resourceType.startsWith("aws_eks_") ? "ACTIVE" : undefined;
    case "platform_version":
      return "eks.12";
    case "created_at":
    case "create_date":
      return "2026-01-05T09:30:00Z";
    case "name":
      return resourceType === "aws_default_security_group" ? "default" : undefined;
    case "description":
      return resourceType === "aws_default_security_group" ? "default VPC security group" : undefined;
    case "origin":
      return resourceType === "aws_route" ? "CreateRoute" : undefined;
    case "state":
      return resourceType === "aws_route" ? "active" : undefined;
    case "log_format":
      // The default format of VPC flow log records.
      return "${version} ${account-id} ${interface-id} ${srcaddr} ${dstaddr} ${srcport} ${dstport} ${protocol} ${packets} ${bytes} ${start} ${end} ${action} ${log-status}";
    case "log_group_name":
      return "";
    case "private_dns_hostname_type_on_launch":
      return "ip-name";
    case "ipv6_cidr_block":
    case "ipv6_cidr_block_network_border_group":
      return "";
    case "log_group_class":
      return "STANDARD";
    case "name_prefix":
      return "";
    case "unique_id":
      return `AROA${hexOf(name, 17).toUpperCase()}`;
    case "policy_id":
      return `ANPA${hexOf(name, 17).toUpperCase()}`;
    default:
      return undefined;
  }
}

/** A plausible value of a Terraform type for an attribute only AWS knows. */
function mockValue(type: Json, attribute: string, resourceType: string, name: string, after: Json): Json {
  const real = type === "string" ? awsValue(resourceType, attribute, name, after) : undefined;
  if (real !== undefined) return real;
  const defaults = MOCK_RESOURCE_DEFAULTS[resourceType] ?? {};
  if (attribute in defaults) return defaults[attribute];
  if (type === "string") {
    if (attribute === "arn" || attribute.endsWith("_arn")) {
      return `arn:aws:${resourceType.split("_")[1]}:${REGION}:${ACCOUNT}:${resourceType}/${name}`;
    }
    if (attribute === "id" || attribute.endsWith("_id")) return `${name.replace(/_/g, "-")}-0${hexOf(name)}`;
    if (attribute.endsWith("_ip")) return "198.51.100.10";
    if (attribute === "endpoint") return FAKE_OUTPUTS.cluster_endpoint;
    return `mock-${attribute.replace(/_/g, "-")}`;
  }
  if (type === "number") return 0;
  if (type === "bool") return false;
  if (Array.isArray(type) && ["list", "set"].includes(type[0])) return [];
  if (Array.isArray(type) && type[0] === "map") return {};
  if (Array.isArray(type) && type[0] === "object") {
    return Object.fromEntries(Object.entries(type[1]).map(([k, t]) => [k, mockValue(t, k, resourceType, name, {})]));
  }
  throw new Error(`no mock value for ${resourceType}.${attribute} of type ${JSON.stringify(type)}`);
}

/** `after` with each value the plan marks unknown replaced by a mock value of its schema type. */
function known(after: Json, unknown: Json, block: Json, resourceType: string, name: string, top = after): Json {
  const result = { ...(after ?? {}) };
  for (const [key, marker] of Object.entries(unknown ?? {})) {
    const attribute = block.attributes?.[key];
    const nested = block.block_types?.[key];
    if (marker === true) {
      // A whole block only AWS knows: the resource's default where fakes.ts gives one (top level; a block of
      // at most one is given as its object), else none.
      const blockDefault = after === top ? MOCK_RESOURCE_DEFAULTS[resourceType]?.[key] : undefined;
      const blocks = blockDefault === undefined ? [] : [blockDefault].flat();
      result[key] = attribute ? mockValue(attribute.type, key, resourceType, name, top) : blocks;
    } else if (nested && Array.isArray(marker)) {
      result[key] = (after?.[key] ?? []).map((item: Json, i: number) =>
        known(item, marker[i], nested.block, resourceType, name, top),
      );
    } else if (attribute && Array.isArray(marker) && Array.isArray(after?.[key])) {
      const element = attribute.type[1];
      result[key] = after[key].map((item: Json, i: number) =>
        marker[i] === true ? mockValue(element, key, resourceType, name, top) : item,
      );
    }
  }
  return result;
}

/** The Terraform type of a plain value, as a state file records an output's type. */
function typeOf(value: Json): Json {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return typeof value === "boolean" ? "bool" : typeof value;
  if (Array.isArray(value)) return ["list", value.length > 0 ? typeOf(value[0]) : "string"];
  return ["object", Object.fromEntries(Object.entries(value).map(([k, v]) => [k, typeOf(v)]))];
}

/** A deployed stack's state: its resources and outputs. */
export interface Deployed {
  resources: StateResource[];
  outputs: Json;
}

/** Plans the stack against its own state until nothing changes: the state of a deployed stack. */
export async function deploy(
  dir: string,
  statePath: string,
  env: NodeJS.ProcessEnv,
  schemas: Json,
  firstPlan?: Json,
): Promise<Deployed> {
  let resources: StateResource[] = [];
  for (let round = 1; round <= 6; round++) {
    // The plan just made of this configuration against this state, when there is one, is round 1.
    const plan =
      round === 1 && firstPlan
        ? firstPlan
        : await (async () => {
            await run("terraform", ["plan", "-refresh=false", "-input=false", "-out=deploy.plan"], dir, env);
            return JSON.parse(await run("terraform", ["show", "-json", "deploy.plan"], dir, env));
          })();
    const changes = (plan.resource_changes ?? []).filter((c: Json) => c.mode === "managed");
    if (changes.every((c: Json) => c.change.actions.join() === "no-op")) {
      const outputs = Object.fromEntries(
        Object.entries(plan.output_changes ?? {}).map(([name, c]: [string, Json]) => [
          name,
          { value: c.after, type: typeOf(c.after) },
        ]),
      );
      writeState(statePath, resources, outputs, round);
      return { resources, outputs };
    }
    resources = changes.map((c: Json) => ({
      mode: "managed",
      type: c.type,
      name: c.name,
      provider: `provider["${c.provider_name}"]`,
      instances: [
        {
          schema_version: schemas[c.type].version,
          attributes: known(c.change.after, c.change.after_unknown, schemas[c.type].block, c.type, c.name),
          sensitive_attributes: [],
        },
      ],
    }));
    followReferences(resources, changes, plan.configuration?.root_module?.resources ?? []);
    writeState(statePath, resources, {}, round);
  }
  throw new Error(`${dir} still plans changes after 6 rounds`);
}

/**
 * Gives an attribute that was unknown and is a plain reference to another resource's attribute
 * (`role_arn = aws_iam_role.cluster.arn`) the value that resource was just given, as AWS would: otherwise
 * the next round sees the two differ and plans a replacement, and each level of references costs a round.
 */
function followReferences(resources: StateResource[], changes: Json[], configuration: Json[]): void {
  const attributes = new Map(resources.map((r) => [`${r.type}.${r.name}`, r.instances[0].attributes]));
  const unknownOf = new Map(changes.map((c: Json) => [c.address, c.change.after_unknown]));
  const follow = (expressions: Json, values: Json, unknown: Json): void => {
    for (const [key, expression] of Object.entries(expressions ?? {}) as [string, Json][]) {
      if (Array.isArray(expression)) {
        expression.forEach((nested, i) => {
          if (values?.[key]?.[i] && Array.isArray(unknown?.[key])) follow(nested, values[key][i], unknown[key][i]);
        });
      } else if (unknown?.[key] === true && expression?.references?.length >= 2) {
        // One chain of references, longest first: aws_eks_cluster.cluster.identity[0].oidc[0].issuer, ...
        const [path, ...rest] = expression.references as string[];
        const resource = rest.at(-1)!;
        if (!rest.every((r) => path.startsWith(r)) || !attributes.has(resource)) continue;
        const steps = path.slice(resource.length).match(/\.[\w-]+|\[\d+\]/g) ?? [];
        const value = steps.reduce<Json>(
          (at, step) => at?.[step.startsWith(".") ? step.slice(1) : Number(step.slice(1, -1))],
          attributes.get(resource),
        );
        if (typeof value === typeof values[key]) values[key] = value;
      }
    }
  };
  // Twice: a reference to a value that was itself just followed.
  for (let pass = 0; pass < 2; pass++) {
    for (const resource of configuration) {
      const values = attributes.get(resource.address);
      if (resource.mode === "managed" && values) follow(resource.expressions, values, unknownOf.get(resource.address));
    }
  }
}

/** Writes a state file (format 4) holding these resources and outputs. */
export function writeState(path: string, resources: StateResource[], outputs: Json, serial: number): void {
  mkdirSync(resolve(path, ".."), { recursive: true });
  const state = { version: 4, terraform_version: "1.11.4", serial, lineage: "deployed-plan", outputs, resources };
  writeFileSync(path, JSON.stringify(state, null, 2));
}

/** The provider settings that send STS and EKS to the stand-in and skip the credential checks. */
export function writeProviderOverride(stackDir: string, endpoint: string): void {
  writeFileSync(
    join(stackDir, "zz_deployed_plan_override.tf.json"),
    JSON.stringify({
      provider: {
        aws: {
          skip_credentials_validation: true,
          skip_requesting_account_id: true,
          skip_metadata_api_check: true,
          access_key: "AKIAIOSFODNN7EXAMPLE",
          secret_key: "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
          endpoints: [{ sts: endpoint, eks: endpoint }],
        },
      },
    }),
  );
}

/** What a plan does to one resource. */
export type ChangeKind = "create" | "update" | "delete" | "replace" | "no-op";

/** One resource change of a plan. */
export interface ResourceChange {
  /** Terraform address, e.g. "aws_eks_cluster.cluster". */
  address: string;
  /** What happens to it; a replacement is either order of delete and create. */
  kind: ChangeKind;
  /** Terraform's actions, e.g. ["delete", "create"]. */
  actions: string[];
  /** Attributes whose change forces the replacement, as Terraform paths. */
  replacePaths: (string | number)[][];
  /** The attributes before and after, as the plan shows them (unknown values are absent from after). */
  before: Json;
  after: Json;
}

function kindOf(actions: string[]): ChangeKind {
  if (actions.includes("delete") && actions.includes("create")) return "replace";
  return (actions.find((a) => a !== "read") ?? "no-op") as ChangeKind;
}

/** Environment of every Terraform command: offline, with one plugin cache for every stack directory. */
function terraformEnv(cliConfig: string, pluginCache: string): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    TF_CLI_CONFIG_FILE: cliConfig,
    TF_PLUGIN_CACHE_DIR: pluginCache,
    TF_IN_AUTOMATION: "1",
    CHECKPOINT_DISABLE: "1",
  };
}

/**
 * Deploys stacks into a project-shaped folder (cdktf.out/stacks/<id>, state/<env>/<component>.tfstate,
 * so local backends and remote-state reads resolve as they do for a user), then plans changed stacks
 * against that state. Kubernetes and Helm parts are dropped (their providers cannot be installed offline).
 */
export class DeployedPlanner {
  private schemas: Json;
  private readonly states: Record<string, Deployed> = {};
  // The last plan of each stack, with the configuration it planned, while the state it planned against stands.
  private readonly lastPlan: Record<string, { json: StackJson; plan: Json }> = {};

  private constructor(
    /** The project-shaped folder. */
    readonly dir: string,
    private readonly endpoint: string,
    private readonly server: ReturnType<typeof standIn>,
    /** Environment of Terraform commands: the offline CLI config and the shared plugin cache. */
    readonly env: NodeJS.ProcessEnv,
    /** What EKS reports: after a deploy, the deployed clusters at their version; a test may change it. */
    readonly deployed: DeployedClusters,
  ) {}

  /** Starts the stand-in endpoint in a new temporary folder. */
  static async start(): Promise<DeployedPlanner> {
    const dir = mkdtempSync(join(tmpdir(), "deployed-plan-"));
    const pluginCache = join(dir, "plugin-cache");
    mkdirSync(pluginCache);
    const deployed: DeployedClusters = { clusters: [], version: "" };
    const server = standIn(deployed);
    await new Promise<void>((listening) => server.listen(0, "127.0.0.1", listening));
    const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return new DeployedPlanner(dir, endpoint, server, terraformEnv(writeCliConfig(dir), pluginCache), deployed);
  }

  private stackDir(id: string): string {
    return join(this.dir, "cdktf.out", "stacks", id);
  }

  private statePath(id: string): string {
    const component = COMPONENTS.find((c) => id.endsWith(`-${c}`));
    if (!component) throw new Error(`${id} is not a stack id <env>-<component>`);
    return join(this.dir, "state", id.slice(0, -component.length - 1), `${component}.tfstate`);
  }

  /** Writes the stack's configuration and initialises its folder (once). */
  private async write(id: string, stack: StackJson): Promise<string> {
    const dir = this.stackDir(id);
    const fresh = !this.states[id];
    mkdirSync(dir, { recursive: true });
    // cdktf's own commands (`cdktf diff`, as plan-logs.ts runs) read the stack's metadata: keep it.
    const json = { "//": stack["//"], ...awsOnly(stack) };
    writeFileSync(join(dir, "cdk.tf.json"), JSON.stringify(json, null, 2));
    if (fresh) {
      writeProviderOverride(dir, this.endpoint);
      await run("terraform", ["init", "-input=false"], dir, this.env);
      this.schemas ??= JSON.parse(
        await run("terraform", ["providers", "schema", "-json"], dir, this.env),
      ).provider_schemas["registry.terraform.io/hashicorp/aws"].resource_schemas;
    }
    return dir;
  }

  /**
   * Deploys stacks as synthesized, upstream first (a stack reads its upstream's outputs from their state).
   * Afterwards EKS reports every deployed cluster, at its configured version.
   */
  async deploy(stacks: { id: string; json: StackJson }[]): Promise<void> {
    for (const { id, json } of stacks) {
      // Deploying what was just planned against this state: that plan is the first round.
      const last = this.lastPlan[id];
      const firstPlan = last && JSON.stringify(last.json) === JSON.stringify(json) ? last.plan : undefined;
      const dir = await this.write(id, json);
      this.states[id] = await deploy(dir, this.statePath(id), this.env, this.schemas, firstPlan);
      delete this.lastPlan[id];
    }
    const clusters = Object.values(this.states).flatMap((s) =>
      s.resources.filter((r) => r.type === "aws_eks_cluster").map((r) => r.instances[0].attributes),
    );
    this.deployed.clusters = clusters.map((c) => c.name);
    this.deployed.version = clusters[0]?.version ?? "";
    // EKS reports Auto Mode's settings once a cluster has had them (never before).
    const compute = clusters[0]?.compute_config?.[0];
    this.deployed.autoMode = compute && {
      computeConfig: { enabled: compute.enabled, nodePools: compute.node_pools, nodeRoleArn: compute.node_role_arn },
      storageConfig: { blockStorage: { enabled: clusters[0].storage_config[0].block_storage[0].enabled } },
      elasticLoadBalancing: { enabled: clusters[0].kubernetes_network_config[0].elastic_load_balancing[0].enabled },
    };
  }

  /**
   * Stands in for an upstream stack that is not deployed here: a state holding only its contract outputs,
   * with the fake values of fakes.ts, for the stacks planned here to read (deploying a stack only to have
   * its outputs costs a real plan per round).
   */
  stubOutputs(id: string): void {
    const component = COMPONENTS.find((c) => id.endsWith(`-${c}`))!;
    const outputs = Object.fromEntries(
      outputNames(component).map((name) => {
        const value = FAKE_OUTPUTS[name] ?? (outputSpec(component, name).kind === "list" ? [] : "");
        return [name, { value, type: typeOf(value) }];
      }),
    );
    this.restate(id, { resources: [], outputs });
  }

  /** The deployed state of a stack, to edit for a scenario (see `restate`). */
  state(id: string): Deployed {
    const state = this.states[id];
    if (!state) throw new Error(`${id} is not deployed`);
    return state;
  }

  /** Replaces a deployed stack's state, e.g. as a change deployed earlier left it. */
  restate(id: string, state: Deployed): void {
    this.states[id] = state;
    delete this.lastPlan[id];
    writeState(this.statePath(id), state.resources, state.outputs, 99);
  }

  /** Plans a deployed stack as synthesized in `after` (the real provider, no refresh): every resource change. */
  async plan(id: string, after: StackJson): Promise<ResourceChange[]> {
    this.state(id);
    const dir = await this.write(id, after);
    await run("terraform", ["plan", "-refresh=false", "-input=false", "-out=change.plan"], dir, this.env);
    const plan = JSON.parse(await run("terraform", ["show", "-json", "change.plan"], dir, this.env));
    this.lastPlan[id] = { json: after, plan };
    return (plan.resource_changes ?? [])
      .filter((c: Json) => c.mode === "managed")
      .map((c: Json) => ({
        address: c.address,
        kind: kindOf(c.change.actions),
        actions: c.change.actions,
        replacePaths: c.change.replace_paths ?? [],
        before: c.change.before,
        after: c.change.after,
      }));
  }

  /** Stops the stand-in and removes the folder. */
  async close(): Promise<void> {
    await new Promise((closed) => this.server.close(closed));
    rmSync(this.dir, { recursive: true, force: true });
  }
}
