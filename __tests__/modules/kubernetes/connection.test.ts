import { Testing, TerraformStack, TerraformOutput } from "cdktf";
import { describe, expect, it } from "vitest";
import { clusterConnection } from "../../../modules/kubernetes/connection";

describe("clusterConnection", () => {
  const connection = clusterConnection({
    clusterName: "dev-fargate",
    endpoint: "https://example.eks.amazonaws.com",
    certificateAuthorityData: "Q0E=",
    region: "ap-northeast-2",
  });

  it("authenticates with a fresh token from the AWS CLI, for the cluster's own region", () => {
    expect(connection.exec).toEqual({
      apiVersion: "client.authentication.k8s.io/v1beta1",
      command: "aws",
      args: ["eks", "get-token", "--cluster-name", "dev-fargate", "--region", "ap-northeast-2"],
    });
    expect(connection.host).toBe("https://example.eks.amazonaws.com");
  });

  it("decodes the CA bundle in Terraform, since the cluster's CA is only known after deploy", () => {
    const stack = new TerraformStack(Testing.app(), "test");
    new TerraformOutput(stack, "ca", { value: connection.clusterCaCertificate });
    expect(JSON.parse(Testing.synth(stack)).output.ca.value).toBe('${base64decode("Q0E=")}');
  });
});
