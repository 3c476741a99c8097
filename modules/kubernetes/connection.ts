import { Fn } from "cdktf";

/** Where a Kubernetes or Helm provider finds the cluster, read from the cluster stack's outputs. */
export interface ClusterConnectionProps {
  /** EKS cluster name (cluster_name output). */
  clusterName: string;
  /** API server URL (cluster_endpoint output). */
  endpoint: string;
  /** Base64 CA bundle (cluster_certificate_authority_data output). */
  certificateAuthorityData: string;
  /** Region of the cluster, so `aws eks get-token` does not depend on the caller's default region. */
  region: string;
}

/** Host, CA and exec authentication shared by the kubernetes and helm providers. */
export interface ClusterConnection {
  /** API server URL. */
  host: string;
  /** PEM CA bundle. */
  clusterCaCertificate: string;
  /** A fresh token per Terraform run from the AWS CLI: never a token stored in state. */
  exec: { apiVersion: string; command: string; args: string[] };
}

/** Builds the provider connection settings; the token is fetched by `aws eks get-token` at run time. */
export function clusterConnection(props: ClusterConnectionProps): ClusterConnection {
  return {
    host: props.endpoint,
    clusterCaCertificate: Fn.base64decode(props.certificateAuthorityData),
    exec: {
      apiVersion: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", props.clusterName, "--region", props.region],
    },
  };
}
