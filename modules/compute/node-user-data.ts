// The user data of a managed node group's launch template: a nodeadm NodeConfig (AL2023's node
// bootstrap, https://awslabs.github.io/amazon-eks-ami/nodeadm/doc/api/) setting the kubelet's max
// pods. Managed node groups merge it with the NodeConfig they write themselves (cluster endpoint, CA),
// in a MIME multi-part document, as the EKS user guide's launch-template page requires.

const BOUNDARY = "//";

/** The MIME multi-part user data setting the kubelet's max pods, base64-encoded as EC2 takes it. */
export function nodeUserData(maxPods: number): string {
  const document = [
    "MIME-Version: 1.0",
    `Content-Type: multipart/mixed; boundary="${BOUNDARY}"`,
    "",
    `--${BOUNDARY}`,
    "Content-Type: application/node.eks.aws",
    "",
    "---",
    "apiVersion: node.eks.aws/v1alpha1",
    "kind: NodeConfig",
    "spec:",
    "  kubelet:",
    "    config:",
    `      maxPods: ${maxPods}`,
    "",
    `--${BOUNDARY}--`,
    "",
  ].join("\n");
  return Buffer.from(document, "utf8").toString("base64");
}
