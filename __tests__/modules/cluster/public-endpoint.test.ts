import { describe, expect, it } from "vitest";
import { publicEndpointWarning } from "../../../modules/cluster/public-endpoint";

const env = (cluster: Parameters<typeof publicEndpointWarning>[0]["cluster"]) => ({ name: "dev", cluster });

describe("publicEndpointWarning", () => {
  it("warns when the public endpoint has no CIDR list (EKS's default, 0.0.0.0/0), naming the setting", () => {
    for (const endpointAccess of ["public", "public-and-private"] as const) {
      const warning = publicEndpointWarning(env({ endpointAccess }));
      expect(warning).toContain('Environment "dev": the Kubernetes API\'s public endpoint is open to 0.0.0.0/0');
      expect(warning).toContain("cluster.publicAccessCidrs");
    }
  });

  it("warns when 0.0.0.0/0 is listed explicitly, even among other blocks", () => {
    expect(
      publicEndpointWarning(env({ endpointAccess: "public", publicAccessCidrs: ["1.2.3.0/24", "0.0.0.0/0"] })),
    ).toBeDefined();
  });

  it("is silent for a restricted or a private endpoint", () => {
    expect(
      publicEndpointWarning(env({ endpointAccess: "public-and-private", publicAccessCidrs: ["1.2.3.0/24"] })),
    ).toBeUndefined();
    expect(publicEndpointWarning(env({ endpointAccess: "private" }))).toBeUndefined();
  });
});
