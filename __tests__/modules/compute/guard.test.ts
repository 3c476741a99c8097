import { describe, expect, it } from "vitest";
import { EnvironmentError } from "../../../environments/load";
import { type PlacedWorkload, checkWorkloads } from "../../../modules/compute/guard";
import type { Capacity } from "../../../modules/compute/placement";
import { placementSummary } from "../../../modules/compute/summary";
import { type FargateProfileSelection, PROFILE_LABEL } from "../../../modules/fargate/selector";
import { SMALLEST_FARGATE_REQUESTS } from "../../../modules/fargate/size";
import type { ContainerSpec, Workload } from "../../../modules/workloads/workload";
import { fargatePodMonthlyUsd } from "../../../modules/cost/fargate-pods";
import { PRICES } from "../../../modules/cost/prices";

const PROFILES: FargateProfileSelection[] = [
  { name: "kube-system", selectors: [{ namespace: "kube-system" }] },
  { name: "study-wildcard", selectors: [{ namespace: "study-*" }] },
];
const FARGATE_ONLY: Capacity = { fargateProfiles: PROFILES, nodes: [] };
const fargateOnly = (profiles: FargateProfileSelection[]): Capacity => ({ fargateProfiles: profiles, nodes: [] });

/** The Fargate placement of a placed workload; fails the test if it runs on nodes. */
function onFargate(placed: PlacedWorkload) {
  if (placed.placement.on !== "fargate") throw new Error(`expected Fargate, got ${placed.placement.on}`);
  return placed.placement;
}

/** A workload that breaks no rule; each test changes one thing. */
function web(patch: Partial<Workload> = {}): Workload {
  const labels = { app: "web" };
  return {
    kind: "Deployment",
    name: "web",
    namespace: "study-web",
    replicas: 2,
    podLabels: labels,
    containers: [
      {
        name: "web",
        image: "nginx:1.29",
        ports: [{ containerPort: 8080 }],
        resources: { requests: SMALLEST_FARGATE_REQUESTS, limits: SMALLEST_FARGATE_REQUESTS },
      },
    ],
    services: [
      {
        name: "web",
        type: "LoadBalancer",
        loadBalancerClass: "service.k8s.aws/nlb",
        annotations: { "service.beta.kubernetes.io/aws-load-balancer-nlb-target-type": "ip" },
        selector: labels,
        ports: [{ port: 80, targetPort: 8080 }],
      },
      { name: "web-internal", type: "ClusterIP", selector: labels, ports: [{ port: 80, targetPort: 8080 }] },
    ],
    ingresses: [
      {
        name: "web",
        ingressClassName: "alb",
        annotations: { "alb.ingress.kubernetes.io/target-type": "ip" },
        paths: [{ path: "/", serviceName: "web-internal", servicePort: 80 }],
      },
    ],
    ...patch,
  };
}

function violations(...workloads: Workload[]): string {
  try {
    checkWorkloads("dev", FARGATE_ONLY, workloads);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvironmentError);
    return (error as Error).message;
  }
  throw new Error("expected the guard to refuse the workloads");
}

describe("checkWorkloads on Fargate alone", () => {
  it("places a valid workload on the first profile by name that selects it, at its Fargate size", () => {
    const both = [...PROFILES, { name: "a-first", selectors: [{ namespace: "study-web" }] }];
    const placement = onFargate(checkWorkloads("dev", fargateOnly(both), [web()])[0]);
    expect(placement.profile).toBe("a-first");
    expect(placement.size.label).toBe("0.25 vCPU / 0.5 GB");
    expect(placement.stepsAbove).toBe(0);
  });

  it("honours the profile a pod pins with the eks.amazonaws.com/fargate-profile label", () => {
    const both = [...PROFILES, { name: "a-first", selectors: [{ namespace: "study-web" }] }];
    const pinned = web({ podLabels: { app: "web", [PROFILE_LABEL]: "study-wildcard" } });
    expect(onFargate(checkWorkloads("dev", fargateOnly(both), [pinned])[0]).profile).toBe("study-wildcard");
  });

  describe("rule fargate-profile", () => {
    it("refuses a namespace no profile selects, naming the environment, workload, rule and fix", () => {
      expect(violations(web({ namespace: "web" }))).toBe(
        'Invalid environment "dev":\n' +
          '  - Deployment web/web [fargate-profile]: no Fargate profile selects namespace "web" with pod labels ' +
          '{ app=web }, so its pods would stay Pending (selectors: "kube-system", "study-*"); add { namespace: "web" } ' +
          "to a profile's selectors in cluster.fargateProfiles, or use a namespace and labels a selector matches",
      );
    });

    it("refuses pods without the labels a selector requires", () => {
      const profiles = [{ name: "labelled", selectors: [{ namespace: "study-*", labels: { tier: "fargate" } }] }];
      expect(() => checkWorkloads("dev", fargateOnly(profiles), [web()])).toThrow(
        '[fargate-profile]: no Fargate profile selects namespace "study-web" with pod labels { app=web }, so its pods ' +
          'would stay Pending (selectors: "study-*" with labels { tier=fargate })',
      );
    });

    it("refuses a pinned profile that does not exist or does not select the pods", () => {
      expect(violations(web({ podLabels: { app: "web", [PROFILE_LABEL]: "gone" } }))).toContain(
        '[fargate-profile]: its pods pin Fargate profile "gone" (label eks.amazonaws.com/fargate-profile), which ' +
          'cluster.fargateProfiles does not define, so they would stay Pending; pin one of "kube-system", "study-wildcard" or remove the label',
      );
      expect(violations(web({ podLabels: { app: "web", [PROFILE_LABEL]: "kube-system" } }))).toContain(
        '[fargate-profile]: Fargate profile "kube-system" (pinned by label eks.amazonaws.com/fargate-profile) does not select namespace "study-web"',
      );
    });
  });

  it("rule daemonset: refuses a DaemonSet", () => {
    expect(violations(web({ kind: "DaemonSet" }))).toContain(
      "DaemonSet study-web/web [daemonset]: Fargate runs no DaemonSets; run it as a Deployment, or as a sidecar container in the pods that need it",
    );
  });

  it("rule privileged: refuses a privileged container, init containers included", () => {
    const init = { name: "setup", image: "busybox:1.37", securityContext: { privileged: true } };
    expect(violations(web({ initContainers: [init] }))).toContain(
      'Deployment study-web/web [privileged]: container "setup" is privileged, which Fargate refuses; remove securityContext.privileged',
    );
  });

  describe("security settings", () => {
    const withSecurity = (securityContext: ContainerSpec["securityContext"], patch: Partial<ContainerSpec> = {}) =>
      web({ containers: [{ ...web().containers[0], securityContext, ...patch }] });

    it("accepts the hardened form: drop ALL, add NET_BIND_SERVICE, no escalation, probes on the served port", () => {
      const hardened = withSecurity(
        { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] } },
        { livenessProbe: { path: "/", port: 8080 }, readinessProbe: { path: "/", port: 8080 } },
      );
      expect(checkWorkloads("dev", FARGATE_ONLY, [hardened])).toHaveLength(1);
    });

    it("rule capabilities-add: refuses adding a capability Fargate does not let pods add", () => {
      expect(
        violations(withSecurity({ capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE", "CHOWN", "NET_ADMIN"] } })),
      ).toBe(
        'Invalid environment "dev":\n  - Deployment study-web/web [capabilities-add]: container "web" adds capabilities CHOWN, NET_ADMIN, ' +
          'which Fargate refuses (pods stay Pending: "Capabilities added"); Fargate lets pods add only NET_BIND_SERVICE, so to keep ' +
          "a default capability drop the others instead of ALL (keepOnlyCapabilities in modules/fargate/capabilities.ts)",
      );
    });

    it("rule privilege-escalation: refuses no-escalation on a container that adds SYS_ADMIN", () => {
      const message = violations(
        withSecurity({ allowPrivilegeEscalation: false, capabilities: { drop: [], add: ["SYS_ADMIN"] } }),
      );
      expect(message).toContain(
        '[privilege-escalation]: container "web" sets allowPrivilegeEscalation: false but is privileged or adds SYS_ADMIN',
      );
    });

    it("rule run-as-root: refuses runAsNonRoot with runAsUser 0, set on the pod or the container", () => {
      expect(violations(withSecurity({ runAsNonRoot: true, runAsUser: 0 }))).toContain(
        '[run-as-root]: container "web" has runAsNonRoot but runAsUser 0 (root), so the kubelet refuses to start it',
      );
      const podWide = web({ securityContext: { runAsNonRoot: true, runAsUser: 0 } });
      expect(violations(podWide)).toContain("[run-as-root]");
      // A container's own UID overrides the pod's.
      const overridden = web({
        securityContext: { runAsNonRoot: true, runAsUser: 0 },
        containers: [{ ...web().containers[0], securityContext: { runAsUser: 101 } }],
      });
      expect(checkWorkloads("dev", FARGATE_ONLY, [overridden])).toHaveLength(1);
    });

    it("rule probe-port: refuses a probe on a port the container does not listen on", () => {
      const message = violations(withSecurity(undefined, { readinessProbe: { path: "/healthz", port: 9090 } }));
      expect(message).toContain(
        '[probe-port]: container "web"\'s readiness probe checks port 9090, where it does not listen (ports: 8080)',
      );
    });
  });

  it("rule host-network: refuses hostNetwork", () => {
    expect(violations(web({ hostNetwork: true }))).toContain(
      "[host-network]: hostNetwork is on, which Fargate refuses (each pod has its own network interface); remove it",
    );
  });

  it("rule host-port: refuses a hostPort", () => {
    const [container] = web().containers;
    const withHostPort = { ...container, ports: [{ containerPort: 8080, hostPort: 8080 }] };
    expect(violations(web({ containers: [withHostPort] }))).toContain(
      '[host-port]: container "web" opens hostPort 8080, which Fargate refuses; remove hostPort and reach port 8080 through a Service',
    );
  });

  it("rule host-path: refuses a hostPath volume, not an emptyDir", () => {
    const message = violations(
      web({
        volumes: [{ name: "logs", hostPath: "/var/log" }, { name: "scratch" }],
      }),
    );
    expect(message).toContain(
      '[host-path]: volume "logs" mounts the node\'s /var/log (hostPath), which Fargate refuses; use an emptyDir',
    );
    expect(message).not.toContain("scratch");
  });

  describe("rule ip-targets", () => {
    const [nlb, internal] = web().services!;
    const [alb] = web().ingresses!;

    it("refuses a LoadBalancer Service without IP targets or not served by the controller", () => {
      const instance = { ...nlb, annotations: {} };
      expect(violations(web({ services: [instance, internal] }))).toContain(
        'Deployment study-web/web [ip-targets]: Service "web" of type LoadBalancer does not ask the controller for an NLB ' +
          'with IP targets, the only targets that reach Fargate pods; set loadBalancerClass "service.k8s.aws/nlb" and ' +
          'annotation service.beta.kubernetes.io/aws-load-balancer-nlb-target-type: "ip"',
      );
      const legacy = { ...nlb, loadBalancerClass: undefined };
      expect(violations(web({ services: [legacy, internal] }))).toContain('[ip-targets]: Service "web"');
    });

    it("accepts the controller's annotation forms instead of loadBalancerClass", () => {
      const external = {
        ...nlb,
        loadBalancerClass: undefined,
        annotations: { ...nlb.annotations, "service.beta.kubernetes.io/aws-load-balancer-type": "external" },
      };
      const nlbIp = {
        ...nlb,
        loadBalancerClass: undefined,
        annotations: { "service.beta.kubernetes.io/aws-load-balancer-type": "nlb-ip" },
      };
      expect(checkWorkloads("dev", FARGATE_ONLY, [web({ services: [external, internal] })])).toHaveLength(1);
      expect(checkWorkloads("dev", FARGATE_ONLY, [web({ services: [nlbIp, internal] })])).toHaveLength(1);
    });

    it("refuses an alb Ingress without target-type ip, unless its backend Service sets it", () => {
      const instance = { ...alb, annotations: {} };
      expect(violations(web({ ingresses: [instance] }))).toContain(
        '[ip-targets]: Ingress "web" does not ask for IP targets, the only targets that reach Fargate pods; ' +
          'add annotation alb.ingress.kubernetes.io/target-type: "ip"',
      );
      const backendSetsIt = { ...internal, annotations: { "alb.ingress.kubernetes.io/target-type": "ip" } };
      expect(
        checkWorkloads("dev", FARGATE_ONLY, [web({ services: [nlb, backendSetsIt], ingresses: [instance] })]),
      ).toHaveLength(1);
    });

    it("leaves Ingresses of other classes alone: they make no AWS load balancer", () => {
      const nginx = { ...alb, ingressClassName: "nginx", annotations: {} };
      expect(checkWorkloads("dev", FARGATE_ONLY, [web({ ingresses: [nginx] })])).toHaveLength(1);
    });
  });

  it("rule fargate-size: refuses pods larger than any Fargate size, and unreadable quantities", () => {
    const [container] = web().containers;
    const huge = { ...container, resources: { requests: { cpu: "16", memory: "120Gi" } } };
    expect(violations(web({ containers: [huge] }))).toContain(
      "[fargate-size]: the pod needs 16 vCPU and 120.25 GB of memory (its requests plus Fargate's 256 MiB overhead), " +
        "which cannot run on Fargate: the largest size is 16 vCPU / 120 GB. Lower the pod's requests or run it on EC2 nodes",
    );
    const typo = { ...container, resources: { requests: { memory: "128m" } } };
    expect(violations(web({ containers: [typo] }))).toContain('[fargate-size]: cannot parse memory quantity "128m"');
  });

  it("lists every violation of every workload in one error", () => {
    const message = violations(
      web({ namespace: "web" }),
      web({ name: "host", hostNetwork: true }),
      web({ name: "agent", kind: "DaemonSet" }),
    );
    expect(message.split("\n")).toHaveLength(4);
    expect(message).toMatch(/Deployment web\/web \[fargate-profile\]/);
    expect(message).toMatch(/Deployment study-web\/host \[host-network\]/);
    expect(message).toMatch(/DaemonSet study-web\/agent \[daemonset\]/);
  });
});

describe("placementSummary", () => {
  it("prints one line per workload with its pods' size and profile", () => {
    const placements = checkWorkloads("dev", FARGATE_ONLY, [web(), web({ name: "single", replicas: 1 })]);
    expect(placementSummary("dev", placements)).toBe(
      'Placement of "dev":\n' +
        "  Deployment study-web/web: 2 pods of 0.25 vCPU / 0.5 GB on Fargate, profile study-wildcard\n" +
        "  Deployment study-web/single: 1 pod of 0.25 vCPU / 0.5 GB on Fargate, profile study-wildcard",
    );
  });

  it("warns when the requests round up more than one size step", () => {
    const [container] = web().containers;
    // 1 vCPU / 8 GB fits 1 vCPU / 8 GB, but with the overhead needs 2 vCPU / 9 GB, six sizes up.
    const request = { cpu: "1", memory: "8Gi" };
    const big = { ...container, resources: { requests: request, limits: request } };
    const summary = placementSummary("dev", checkWorkloads("dev", FARGATE_ONLY, [web({ containers: [big] })]));
    expect(summary).toContain("  Deployment study-web/web: 2 pods of 2 vCPU / 9 GB on Fargate, profile study-wildcard");
    expect(summary).toContain(
      "  Warning: Deployment study-web/web: Fargate's 256 MB overhead rounds its requests up 6 sizes, to 2 vCPU / 9 GB; ",
    );
    // 1 vCPU / 2 GB becomes 1 vCPU / 3 GB: one step, which is Fargate's usual rounding, so no warning.
    const small = { ...container, resources: { requests: { cpu: "1", memory: "2Gi" } } };
    const oneStep = checkWorkloads("dev", FARGATE_ONLY, [web({ containers: [small] })]);
    expect(onFargate(oneStep[0]).stepsAbove).toBe(1);
    expect(placementSummary("dev", oneStep)).not.toContain("Warning");
  });

  it("says what the rounding costs a month, at the region's Fargate prices", () => {
    const [container] = web().containers;
    const request = { cpu: "1", memory: "8Gi" };
    const big = { ...container, resources: { requests: request, limits: request } };
    const placements = checkWorkloads("dev", FARGATE_ONLY, [web({ containers: [big] })]);
    expect(onFargate(placements[0]).requested.label).toBe("1 vCPU / 8 GB");
    const seoul = PRICES.regions["ap-northeast-2"];
    const summary = placementSummary("dev", placements, [], (size) => fargatePodMonthlyUsd(size, seoul, 730));
    // 2 vCPU / 9 GB instead of 1 vCPU / 8 GB: (1 × 0.04656 + 1 × 0.00511) × 730 = 37.7191 a pod, × 2 pods.
    expect(summary).toContain(
      "  Warning: Deployment study-web/web: Fargate's 256 MB overhead rounds its requests up 6 sizes, to 2 vCPU / 9 GB, " +
        "which costs $75.44 a month more than the 1 vCPU / 8 GB they name (2 pods); lower them by 256 MB to land on " +
        "the size they name, or raise them to use what is paid for",
    );
    // Without a price for the region, the warning says nothing of money rather than guess.
    expect(placementSummary("dev", placements, [], (size) => fargatePodMonthlyUsd(size, {}, 730))).toContain(
      "rounds its requests up 6 sizes, to 2 vCPU / 9 GB; lower them",
    );
  });
});

describe("checkWorkloads with nodes", () => {
  const WITH_NODES: Capacity = { fargateProfiles: PROFILES, nodes: ["managed node groups"] };

  it("puts a pod no Fargate profile selects on the nodes, and says why", () => {
    const [placed] = checkWorkloads("dev", WITH_NODES, [web({ namespace: "batch" })]);
    expect(placed.placement).toEqual({
      on: "nodes",
      provisioners: ["managed node groups"],
      why: 'no Fargate profile selects namespace "batch"',
    });
    expect(placementSummary("dev", [placed])).toBe(
      'Placement of "dev":\n' +
        '  Deployment batch/web: 2 pods on the nodes (managed node groups): no Fargate profile selects namespace "batch"',
    );
  });

  it("runs a DaemonSet and a privileged or host-network pod on the nodes, where Fargate's rules do not apply", () => {
    const agent = web({
      kind: "DaemonSet",
      namespace: "monitoring",
      hostNetwork: true,
      containers: [{ ...web().containers[0], securityContext: { privileged: true } }],
    });
    expect(checkWorkloads("dev", WITH_NODES, [agent])[0].placement.on).toBe("nodes");
    // Without nodes, the same DaemonSet has nowhere to go.
    expect(violations(agent)).toContain("[daemonset]: Fargate runs no DaemonSets");
  });

  it("keeps Fargate's rules for pods a profile selects, and says how to move them onto the nodes", () => {
    expect(() => checkWorkloads("dev", WITH_NODES, [web({ hostNetwork: true })])).toThrow(
      'Deployment study-web/web [placement]: Fargate profile "study-wildcard" selects its pods, so they go to Fargate, ' +
        "not to the nodes (managed node groups); to run them on the nodes, use a namespace no Fargate profile selects",
    );
  });

  it("applies Kubernetes' security rules on the nodes too", () => {
    const rootless = web({ namespace: "batch", securityContext: { runAsNonRoot: true, runAsUser: 0 } });
    expect(() => checkWorkloads("dev", WITH_NODES, [rootless])).toThrow("[run-as-root]");
  });
});
