import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformStack } from "cdktf";
import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { ClusterConnection, type ClusterProvider } from "../modules/kubernetes/connection";
import { stackDefaultTags } from "../modules/cluster/tags";
import {
  type Component,
  type OutputName,
  type OutputValue,
  type StackOutputs,
  outputNames,
  outputSpec,
  stackId,
} from "./contract";
import { declareBackend, readRemoteState } from "./state-backend";

/** Outputs of an upstream stack, read by name from its state, typed by the contract's kind. */
export interface UpstreamOutputs<C extends Component> {
  /** One output: a string (vpc_id) or a list (private_subnet_ids), as the contract declares it. */
  get<N extends OutputName<C>>(name: N): OutputValue<C, N>;
}

/** Options of a platform stack. */
export interface PlatformStackOptions {
  /** Configure the AWS provider (default true); a stack without AWS resources leaves it out, so none is installed. */
  awsProvider?: boolean;
}

/**
 * A stack of one environment: its backend, the AWS provider with the environment's region, default
 * tags and account (unless left out), named outputs, and typed reads of upstream outputs.
 */
export class PlatformStack<C extends Component> extends TerraformStack {
  /** The environment this stack belongs to. */
  readonly env: Environment;
  /** Which of the six stacks this is. */
  readonly component: C;

  constructor(scope: Construct, env: Environment, component: C, options: PlatformStackOptions = {}) {
    super(scope, stackId(env.name, component));
    this.env = env;
    this.component = component;
    this.addOverride("terraform.required_version", ">= 1.10");
    declareBackend(this, env, component);
    if (options.awsProvider ?? true) {
      new AwsProvider(this, "aws", {
        region: env.region,
        defaultTags: [{ tags: stackDefaultTags(env.tags, this.node.id) }],
        // Credentials of another account fail when the provider starts, before any change.
        allowedAccountIds: env.account ? [env.account.id] : undefined,
        assumeRole: env.account?.roleArn ? [{ roleArn: env.account.roleArn }] : undefined,
      });
    }
  }

  /** Declares all of this stack's contract outputs, in the contract's order, with its descriptions. */
  protected outputs(values: StackOutputs<C>): void {
    for (const name of outputNames(this.component)) {
      new TerraformOutput(this, name, {
        value: values[name],
        description: outputSpec(this.component, name).description,
      });
    }
  }

  /** Connects the stack's kubernetes and/or helm providers to the cluster the cluster stack outputs. */
  protected connectToCluster(cluster: UpstreamOutputs<"cluster">, providers: ClusterProvider[]): ClusterConnection {
    return new ClusterConnection(this, "cluster_connection", {
      clusterName: cluster.get("cluster_name"),
      endpoint: cluster.get("cluster_endpoint"),
      certificateAuthorityData: cluster.get("cluster_certificate_authority_data"),
      region: this.env.region,
      // The deploy role has cluster-admin; the token is signed as it, like every AWS provider's calls.
      roleArn: this.env.account?.roleArn,
      providers,
    });
  }

  /** Depends on an upstream stack and reads its named outputs from its remote state. */
  protected upstream<U extends Component>(stack: PlatformStack<U>): UpstreamOutputs<U> {
    this.addDependency(stack);
    const state = readRemoteState(this, this.env, stack.component);
    return {
      get: <N extends OutputName<U>>(name: N) =>
        (outputSpec(stack.component, name).kind === "list"
          ? state.getList(name)
          : state.getString(name)) as OutputValue<U, N>,
    };
  }
}
