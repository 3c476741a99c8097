import { describe, expect, it } from "vitest";
import { irsaTrustPolicy, serviceAccountSubject } from "../../../modules/irsa/trust-policy";

const ISSUER = "oidc.eks.ap-northeast-2.amazonaws.com/id/0123456789ABCDEF0123456789ABCDEF";
const PROVIDER = `arn:aws:iam::123456789012:oidc-provider/${ISSUER}`;

describe("serviceAccountSubject", () => {
  it("is the sub claim of a service account token", () => {
    expect(serviceAccountSubject("kube-system", "aws-load-balancer-controller")).toBe(
      "system:serviceaccount:kube-system:aws-load-balancer-controller",
    );
  });
});

describe("irsaTrustPolicy", () => {
  const policy = irsaTrustPolicy({
    oidcProviderArn: PROVIDER,
    issuerHostPath: ISSUER,
    namespace: "kube-system",
    serviceAccount: "aws-load-balancer-controller",
  });

  it("lets only the cluster's OIDC provider assume the role with a web identity", () => {
    expect(policy.Version).toBe("2012-10-17");
    expect(policy.Statement).toHaveLength(1);
    expect(policy.Statement[0]).toMatchObject({
      Effect: "Allow",
      Principal: { Federated: PROVIDER },
      Action: "sts:AssumeRoleWithWebIdentity",
    });
  });

  it("pins the service account and the STS audience with StringEquals on issuer-prefixed keys", () => {
    expect(policy.Statement[0].Condition).toEqual({
      StringEquals: {
        [`${ISSUER}:sub`]: "system:serviceaccount:kube-system:aws-load-balancer-controller",
        [`${ISSUER}:aud`]: "sts.amazonaws.com",
      },
    });
  });
});
