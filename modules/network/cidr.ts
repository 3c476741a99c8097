/** An IPv4 CIDR block split into its network address and prefix length. */
export interface Ipv4Cidr {
  /** Network address as an unsigned 32-bit integer. */
  address: number;
  /** Prefix length, 0 to 32. */
  prefix: number;
}

const CIDR_PATTERN = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/;

/** Parses "a.b.c.d/n"; returns undefined when the text is not an IPv4 CIDR block. */
export function parseCidr(text: string): Ipv4Cidr | undefined {
  const match = CIDR_PATTERN.exec(text);
  if (!match) return undefined;
  const octets = match.slice(1, 5).map(Number);
  const prefix = Number(match[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const address = octets.reduce((acc, o) => acc * 256 + o, 0);
  return { address, prefix };
}

/** True when bits beyond the prefix are zero (10.10.0.0/16, not 10.10.1.0/16). */
export function hasNoHostBits({ address, prefix }: Ipv4Cidr): boolean {
  return address % 2 ** (32 - prefix) === 0;
}

/** Formats a block back to "a.b.c.d/n". */
export function formatCidr({ address, prefix }: Ipv4Cidr): string {
  const octets = [24, 16, 8, 0].map((shift) => Math.floor(address / 2 ** shift) % 256);
  return `${octets.join(".")}/${prefix}`;
}

/** Terraform's cidrsubnet(): the netnum-th block of prefix+newbits inside base. */
export function cidrSubnet(base: Ipv4Cidr, newbits: number, netnum: number): Ipv4Cidr {
  const prefix = base.prefix + newbits;
  if (prefix > 32) throw new Error(`cannot add ${newbits} bits to a /${base.prefix} block`);
  if (netnum < 0 || netnum >= 2 ** newbits) {
    throw new Error(`netnum ${netnum} does not fit in ${newbits} bits`);
  }
  return { address: base.address + netnum * 2 ** (32 - prefix), prefix };
}

/** True when the two blocks share at least one address. */
export function cidrsOverlap(a: Ipv4Cidr, b: Ipv4Cidr): boolean {
  const end = (c: Ipv4Cidr) => c.address + 2 ** (32 - c.prefix);
  return a.address < end(b) && b.address < end(a);
}
