// The vCPU/memory size Fargate provisions for a pod, following the rules in the
// EKS user guide ("Fargate pod configuration").

import { round2 } from "../round";

/** Resource requests of one container, as Kubernetes quantity strings. */
export interface ContainerRequests {
  /** CPU request such as "250m" or "0.25"; absent means no request. */
  cpu?: string;
  /** Memory request such as "512Mi" or "256M"; absent means no request. */
  memory?: string;
}

/** The containers of one pod whose requests decide its Fargate size. */
/**
 * Requests (set limits equal) that land a one-container pod on the smallest Fargate size, 0.25 vCPU /
 * 0.5 GB: 256M (decimal) plus Fargate's 256 MiB overhead stays under 512 MiB. The samples and coredns
 * use it. The kubernetes provider compares quantities by value, so "0.25" and "250m" plan no change.
 */
export const SMALLEST_FARGATE_REQUESTS = { cpu: "0.25", memory: "256M" } as const satisfies Required<ContainerRequests>;

export interface PodRequests {
  /** Long-running containers; they run together, so their requests add up. */
  containers: ContainerRequests[];
  /** Init containers; they run one at a time, so only the largest request counts. */
  initContainers?: ContainerRequests[];
}

/** One vCPU/memory combination that Fargate provisions. */
export interface FargateSize {
  /** vCPUs provisioned. */
  vcpu: number;
  /** Memory provisioned, in AWS's GB (1 GB = 1024 MiB). */
  memoryGb: number;
  /** Human-readable size, such as "0.25 vCPU / 0.5 GB". */
  label: string;
}

const MIB = 1024 ** 2;
const GIB = 1024 ** 3;

// AWS adds "256 MB" to every pod for kubelet, kube-proxy and containerd. Its size
// table counts 1 GB as 1024 MB, so MB is read as MiB here and GB as GiB.
const MEMORY_OVERHEAD_BYTES = 256 * MIB;

/** Every Fargate size, by vCPU and then memory; the first that fits is the one AWS picks. */
export const FARGATE_SIZES: readonly FargateSize[] = (
  [
    [0.25, [0.5, 1, 2]],
    [0.5, [1, 2, 3, 4]],
    [1, range(2, 8, 1)],
    [2, range(4, 16, 1)],
    [4, range(8, 30, 1)],
    [8, range(16, 60, 4)],
    [16, range(32, 120, 8)],
  ] satisfies [number, number[]][]
).flatMap(([vcpu, memories]) =>
  memories.map((memoryGb) => ({ vcpu, memoryGb, label: `${vcpu} vCPU / ${memoryGb} GB` })),
);

function range(from: number, to: number, step: number): number[] {
  const values: number[] = [];
  for (let value = from; value <= to; value += step) values.push(value);
  return values;
}

/** Parses a Kubernetes CPU quantity ("250m", "0.25", "2") into vCPUs. */
export function parseCpu(quantity: string): number {
  const match = /^(\d+(?:\.\d*)?|\.\d+)(m?)$/.exec(quantity);
  if (!match) {
    throw new Error(
      `Cannot parse CPU quantity "${quantity}": write vCPUs or millicores, for example "0.25" or "250m".`,
    );
  }
  return match[2] === "m" ? Number(match[1]) / 1000 : Number(match[1]);
}

const MEMORY_MULTIPLIERS = new Map<string, number>([
  ["", 1],
  ["k", 1e3],
  ["M", 1e6],
  ["G", 1e9],
  ["T", 1e12],
  ["P", 1e15],
  ["E", 1e18],
  ["Ki", 1024],
  ["Mi", 1024 ** 2],
  ["Gi", 1024 ** 3],
  ["Ti", 1024 ** 4],
  ["Pi", 1024 ** 5],
  ["Ei", 1024 ** 6],
]);

/** Parses a Kubernetes memory quantity ("256M", "256Mi", "1Gi", "1000000") into bytes. */
export function parseMemoryBytes(quantity: string): number {
  const match = /^(\d+(?:\.\d*)?|\.\d+)([A-Za-z]*)$/.exec(quantity);
  const multiplier = match ? MEMORY_MULTIPLIERS.get(match[2]) : undefined;
  if (!match || multiplier === undefined) {
    throw new Error(
      `Cannot parse memory quantity "${quantity}": write bytes with an optional suffix ` +
        `(k, M, G, T, P, E or Ki, Mi, Gi, Ti, Pi, Ei), for example "512Mi".`,
    );
  }
  return Number(match[1]) * multiplier;
}

/** Where a size sits in FARGATE_SIZES; throws when it is not a Fargate size. */
export function sizeIndex(size: Pick<FargateSize, "vcpu" | "memoryGb">): number {
  const index = FARGATE_SIZES.findIndex((s) => s.vcpu === size.vcpu && s.memoryGb === size.memoryGb);
  if (index < 0) {
    throw new Error(`${size.vcpu} vCPU / ${size.memoryGb} GB is not a Fargate size; pick one from FARGATE_SIZES.`);
  }
  return index;
}

/** The size Fargate provisions for the pod; throws when the pod is too large for Fargate. */
export function fargateSize(pod: PodRequests): FargateSize {
  const { vcpu, memoryBytes } = podRequests(pod);
  const size = smallestFit(vcpu, memoryBytes + MEMORY_OVERHEAD_BYTES);
  if (!size) {
    const largest = FARGATE_SIZES[FARGATE_SIZES.length - 1];
    const memoryGb = round2((memoryBytes + MEMORY_OVERHEAD_BYTES) / GIB);
    throw new Error(
      `The pod needs ${round2(vcpu)} vCPU and ${memoryGb} GB of memory (its requests plus ` +
        `Fargate's 256 MiB overhead), which cannot run on Fargate: the largest size is ` +
        `${largest.label}. Lower the pod's requests or run it on EC2 nodes.`,
    );
  }
  return size;
}

/**
 * How many FARGATE_SIZES positions the provisioned size lies above the smallest size
 * that holds the raw requests, i.e. how far the overhead and the table round the pod up.
 */
export function fargateSizeStepsAbove(pod: PodRequests): number {
  return sizeIndex(fargateSize(pod)) - sizeIndex(requestedFargateSize(pod));
}

/**
 * The size the pod's requests name: the smallest that holds them without Fargate's overhead.
 * Throws, as fargateSize does, when the pod is too large for Fargate.
 */
export function requestedFargateSize(pod: PodRequests): FargateSize {
  const provisioned = fargateSize(pod);
  const { vcpu, memoryBytes } = podRequests(pod);
  // Whatever fits with the overhead also fits without it, so this always finds a size.
  return smallestFit(vcpu, memoryBytes) ?? provisioned;
}

function podRequests(pod: PodRequests): { vcpu: number; memoryBytes: number } {
  // Sum CPU in whole millicores (Kubernetes' CPU precision) so "100m" steps add up exactly.
  const millicores = (c: ContainerRequests) => (c.cpu === undefined ? 0 : Math.round(parseCpu(c.cpu) * 1000));
  const bytes = (c: ContainerRequests) => (c.memory === undefined ? 0 : parseMemoryBytes(c.memory));
  const sum = (values: number[]) => values.reduce((total, v) => total + v, 0);
  const init = pod.initContainers ?? [];
  return {
    vcpu: Math.max(sum(pod.containers.map(millicores)), ...init.map(millicores)) / 1000,
    memoryBytes: Math.max(sum(pod.containers.map(bytes)), ...init.map(bytes)),
  };
}

function smallestFit(vcpu: number, memoryBytes: number): FargateSize | undefined {
  return FARGATE_SIZES.find((s) => s.vcpu >= vcpu && s.memoryGb * GIB >= memoryBytes);
}
