import { Testing, TerraformStack, TerraformOutput } from "cdktf";
import { describe, expect, it } from "vitest";
import { ClusterConnection, type ClusterProvider, clusterConnection } from "../../../modules/kubernetes/connection";

const endpoint = {
  clusterName: "dev-fargate",
  endpoint: "https://example.eks.amazonaws.com",
  certificateAuthorityData: "Q0E=",
  region: "ap-northeast-2",
};
const EXEC = {
  api_version: "client.authentication.k8s.io/v1beta1",
  command: "aws",
  args: ["eks", "get-token", "--cluster-name", "dev-fargate", "--region", "ap-northeast-2"],
};

function providersOf(providers: ClusterProvider[]) {
  const stack = new TerraformStack(Testing.app(), "test");
  new ClusterConnection(stack, "connection", { ...endpoint, providers });
  return JSON.parse(Testing.synth(stack)).provider ?? {};
}

describe("clusterConnection", () => {
  const connection = clusterConnection(endpoint);

  it("authenticates with a fresh token from the AWS CLI, for the cluster's own region", () => {
    expect(connection.exec).toEqual({
      apiVersion: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", "dev-fargate", "--region", "ap-northeast-2"],
    });
    expect(connection.host).toBe("https://example.eks.amazonaws.com");
  });

  it("signs the token as the environment's deploy role when there is one", () => {
    const withRole = clusterConnection({
      clusterName: "prod-fargate",
      endpoint: "https://example.eks.amazonaws.com",
      certificateAuthorityData: "Q0E=",
      region: "ap-northeast-2",
      roleArn: "arn:aws:iam::123456789012:role/platform-deploy",
    });
    expect(withRole.exec.args.slice(-2)).toEqual(["--role-arn", "arn:aws:iam::123456789012:role/platform-deploy"]);
  });

  it("decodes the CA bundle in Terraform, since the cluster's CA is only known after deploy", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new TerraformOutput(stack, "ca", { value: connection.clusterCaCertificate });
    expect(JSON.parse(Testing.synth(stack)).output.ca.value).toBe('${base64decode("Q0E=")}');
  });
});

describe("ClusterConnection", () => {
  it("configures the kubernetes provider with exec authentication as a block", () => {
    const { kubernetes, helm } = providersOf(["kubernetes"]);
    expect(helm).toBeUndefined();
    expect(kubernetes).toEqual([
      {
        host: "https://example.eks.amazonaws.com",
        cluster_ca_certificate: '${base64decode("Q0E=")}',
        exec: [EXEC],
      },
    ]);
  });

  it("configures the helm provider with the same connection", () => {
    const { kubernetes, helm } = providersOf(["helm"]);
    expect(kubernetes).toBeUndefined();
    expect(helm).toEqual([
      {
        kubernetes: {
          host: "https://example.eks.amazonaws.com",
          cluster_ca_certificate: '${base64decode("Q0E=")}',
          exec: EXEC,
        },
      },
    ]);
  });
});
