import { IamOpenidConnectProvider } from "@cdktf/provider-aws/lib/iam-openid-connect-provider";
import { Construct } from "constructs";

/** Settings of the cluster's IAM OIDC provider. */
export interface OidcProviderProps {
  /** Cluster name, for the Name tag. */
  clusterName: string;
  /** The cluster's OIDC issuer URL (https://oidc.eks.<region>.amazonaws.com/id/<id>). */
  issuerUrl: string;
}

/**
 * The IAM OIDC provider for the cluster's issuer, which IRSA roles trust (the only pod identity
 * Fargate supports). No thumbprint is given: the IAM API made the list optional, and without one
 * IAM fetches the issuer's top intermediate CA thumbprint itself (for issuers whose certificates
 * chain to its trusted root CAs it ignores thumbprints altogether). AWS provider 5.100.0 has
 * thumbprint_list optional and computed, so IAM's value causes no diff. Computing it here would
 * need the tls provider and a certificate fetch during the plan.
 */
export class OidcProvider extends Construct {
  /** The provider. */
  readonly provider: IamOpenidConnectProvider;

  constructor(scope: Construct, id: string, props: OidcProviderProps) {
    super(scope, id);
    this.provider = new IamOpenidConnectProvider(this, "provider", {
      url: props.issuerUrl,
      clientIdList: ["sts.amazonaws.com"],
      tags: { Name: `${props.clusterName}-eks-irsa` },
    });
    this.provider.overrideLogicalId("cluster");
  }
}
