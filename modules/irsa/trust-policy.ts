// The trust policy of an IAM role for a Kubernetes service account (IRSA), as the EKS user guide
// writes it ("Assign IAM roles to Kubernetes service accounts").

/** Who may assume an IRSA role. */
export interface IrsaTrust {
  /** ARN of the cluster's IAM OIDC provider. */
  oidcProviderArn: string;
  /** The OIDC issuer without "https://" (oidc.eks.<region>.amazonaws.com/id/<ID>): the condition keys' prefix. */
  issuerHostPath: string;
  /** Namespace of the service account. */
  namespace: string;
  /** Name of the service account. */
  serviceAccount: string;
}

/** The `sub` claim of a service account's projected token: system:serviceaccount:<namespace>:<name>. */
export function serviceAccountSubject(namespace: string, serviceAccount: string): string {
  return `system:serviceaccount:${namespace}:${serviceAccount}`;
}

/**
 * Lets exactly one service account assume the role with its web identity token. Both `sub` and
 * `aud` are pinned with StringEquals: without `sub` any service account of the cluster could.
 */
export function irsaTrustPolicy(trust: IrsaTrust) {
  return {
    Version: "2012-10-17",
    Statement: [
      {
        Effect: "Allow",
        Principal: { Federated: trust.oidcProviderArn },
        Action: "sts:AssumeRoleWithWebIdentity",
        Condition: {
          StringEquals: {
            [`${trust.issuerHostPath}:sub`]: serviceAccountSubject(trust.namespace, trust.serviceAccount),
            [`${trust.issuerHostPath}:aud`]: "sts.amazonaws.com",
          },
        },
      },
    ],
  };
}
