import { HelmProvider } from "@cdktf/provider-helm/lib/provider";
import { KubernetesProvider } from "@cdktf/provider-kubernetes/lib/provider";
import { Fn } from "cdktf";
import { Construct } from "constructs";

/** Where a Kubernetes or Helm provider finds the cluster, read from the cluster stack's outputs. */
export interface ClusterEndpointProps {
  /** EKS cluster name (cluster_name output). */
  clusterName: string;
  /** API server URL (cluster_endpoint output). */
  endpoint: string;
  /** Base64 CA bundle (cluster_certificate_authority_data output). */
  certificateAuthorityData: string;
  /** Region of the cluster, so `aws eks get-token` does not depend on the caller's default region. */
  region: string;
  /** Role the token is signed as (the environment's deploy role, which has cluster-admin); else the caller's own identity. */
  roleArn?: string;
}

/** Host, CA and exec authentication shared by the kubernetes and helm providers. */
export interface ClusterConnectionSettings {
  /** API server URL. */
  host: string;
  /** PEM CA bundle. */
  clusterCaCertificate: string;
  /** A fresh token per Terraform run from the AWS CLI: never a token stored in state. */
  exec: { apiVersion: string; command: string; args: string[] };
}

/** Builds the provider connection settings; the token is fetched by `aws eks get-token` at run time. */
export function clusterConnection(props: ClusterEndpointProps): ClusterConnectionSettings {
  return {
    host: props.endpoint,
    clusterCaCertificate: Fn.base64decode(props.certificateAuthorityData),
    exec: {
      apiVersion: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: [
        ...["eks", "get-token", "--cluster-name", props.clusterName, "--region", props.region],
        ...(props.roleArn ? ["--role-arn", props.roleArn] : []),
      ],
    },
  };
}

/** The providers a stack talks to the cluster with. */
export type ClusterProvider = "kubernetes" | "helm";

/** Settings of a stack's connection to the cluster. */
export interface ClusterConnectionProps extends ClusterEndpointProps {
  /** Which providers the stack needs. */
  providers: readonly ClusterProvider[];
}

/**
 * The one way a stack connects to the cluster: the kubernetes and/or helm provider, each with the
 * same host, CA and exec authentication. Each stack authenticates itself; no token crosses stacks.
 */
export class ClusterConnection extends Construct {
  /** The cluster's name, as the connection reads it from the cluster stack. */
  readonly clusterName: string;

  constructor(scope: Construct, id: string, props: ClusterConnectionProps) {
    super(scope, id);
    this.clusterName = props.clusterName;
    const settings = clusterConnection(props);
    if (props.providers.includes("kubernetes")) {
      // The kubernetes provider takes exec as a block list, the helm provider as an object.
      new KubernetesProvider(this, "kubernetes", { ...settings, exec: [settings.exec] });
    }
    if (props.providers.includes("helm")) {
      new HelmProvider(this, "helm", { kubernetes: settings });
    }
  }
}
