import { describe, expect, it } from "vitest";
import { maxPods, maxPodsCap } from "../../../modules/compute/max-pods";

// Facts from the EC2 instance-type limits (3 ENIs of 6 addresses for a t3.medium, 8 × 30 for an m5.8xlarge).
const T3_MEDIUM = { vcpu: 2, maxEnis: 3, ipv4PerEni: 6, hypervisor: "nitro", bareMetal: false };
const M5_8XLARGE = { vcpu: 32, maxEnis: 8, ipv4PerEni: 30, hypervisor: "nitro", bareMetal: false };
const T3_NANO = { vcpu: 2, maxEnis: 2, ipv4PerEni: 2, hypervisor: "nitro", bareMetal: false };

describe("maxPods", () => {
  it("counts one pod per secondary address, plus the two host-network pods: a t3.medium holds 17", () => {
    expect(maxPods(T3_MEDIUM, false)).toBe(3 * (6 - 1) + 2);
    expect(maxPods(T3_NANO, false)).toBe(4);
  });

  it("counts 16 addresses per prefix with prefix delegation, capped at 110 below 30 vCPUs", () => {
    // 3 × 5 × 16 + 2 = 242, capped at 110.
    expect(maxPods(T3_MEDIUM, true)).toBe(110);
    // 2 × 1 × 16 + 2 = 34: under the cap.
    expect(maxPods(T3_NANO, true)).toBe(34);
  });

  it("caps at 110 up to 30 vCPUs and 250 above, with or without prefixes", () => {
    expect(maxPods(M5_8XLARGE, false)).toBe(234);
    // An m5.4xlarge (16 vCPUs) has 8 × 29 + 2 = 234 addresses' worth, capped at 110.
    expect(maxPods({ ...M5_8XLARGE, vcpu: 16 }, false)).toBe(110);
    expect(maxPods({ ...M5_8XLARGE, maxEnis: 15, ipv4PerEni: 50 }, false)).toBe(250);
    expect(maxPods(M5_8XLARGE, true)).toBe(250);
    expect(maxPodsCap(30)).toBe(110);
    expect(maxPodsCap(31)).toBe(250);
  });

  it("gives a Xen instance no prefixes (it keeps assigning single addresses), and a bare-metal one prefixes", () => {
    expect(maxPods({ ...T3_MEDIUM, hypervisor: "xen" }, true)).toBe(17);
    expect(maxPods({ ...T3_MEDIUM, hypervisor: "none", bareMetal: true }, true)).toBe(110);
  });
});
