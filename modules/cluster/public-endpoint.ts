// A public Kubernetes API endpoint open to the whole internet still needs credentials, but every
// unauthenticated probe and API-server vulnerability can reach it. It is EKS's default (and dev's
// seed configuration), so it is a warning, not an error.

/** CIDR that matches every IPv4 address. */
const ANYWHERE = "0.0.0.0/0";

/** The endpoint settings the warning looks at. */
export interface EndpointSettings {
  /** Environment name, for the message. */
  name: string;
  /** The environment's cluster endpoint settings. */
  cluster: {
    /** "public", "public-and-private" or "private". */
    endpointAccess: "public" | "public-and-private" | "private";
    /** Blocks allowed on the public endpoint; undefined means 0.0.0.0/0. */
    publicAccessCidrs?: string[];
  };
}

/** A warning when the environment's public API endpoint accepts connections from 0.0.0.0/0, else undefined. */
export function publicEndpointWarning(env: EndpointSettings): string | undefined {
  const { endpointAccess, publicAccessCidrs } = env.cluster;
  if (endpointAccess === "private") return undefined;
  if (publicAccessCidrs && !publicAccessCidrs.includes(ANYWHERE)) return undefined;
  return (
    `Environment "${env.name}": the Kubernetes API's public endpoint is open to ${ANYWHERE} (anyone on the internet ` +
    `can reach it; they still need credentials). List your office or VPN egress blocks in cluster.publicAccessCidrs, ` +
    `or set cluster.endpointAccess to "private".`
  );
}
