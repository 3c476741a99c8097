import { describe, expect, it } from "vitest";
import { SMALLEST_FARGATE_REQUESTS } from "../../../modules/fargate/size";
import { NON_ROOT_POD, nonRootContainer, nonRootGaps } from "../../../modules/workloads/non-root";
import { sampleWorkloads } from "../../../modules/workloads/samples";
import type { DeploymentWorkload } from "../../../modules/workloads/workload";

const samples = sampleWorkloads({ enabled: true, gameNamespace: "app-2048", echoNamespace: "app-echo" });

const hardened: DeploymentWorkload = {
  kind: "Deployment",
  name: "web",
  namespace: "app-web",
  podLabels: { app: "web" },
  containers: [
    {
      name: "web",
      image: "example/web:1.0",
      resources: { requests: SMALLEST_FARGATE_REQUESTS },
      securityContext: nonRootContainer(1000),
      volumeMounts: [{ name: "tmp", mountPath: "/tmp" }],
    },
  ],
  securityContext: NON_ROOT_POD,
  volumes: [{ name: "tmp" }],
};

describe("the samples run non-root from read-only images", () => {
  it.each(samples.map((w) => [w.name, w] as const))("%s has every setting", (_name, workload) => {
    expect(nonRootGaps(workload)).toEqual([]);
  });

  it("names each setting a regressed container lacks", () => {
    const [container] = hardened.containers;
    const regressed: DeploymentWorkload = {
      ...hardened,
      securityContext: { runAsNonRoot: true },
      containers: [
        {
          ...container,
          securityContext: {
            ...container.securityContext,
            runAsUser: 0,
            readOnlyRootFilesystem: false,
            allowPrivilegeEscalation: undefined,
            capabilities: { drop: ["ALL"], add: ["NET_BIND_SERVICE"] },
          },
          volumeMounts: [{ name: "host", mountPath: "/var/log" }],
        },
      ],
      volumes: [{ name: "host", hostPath: "/var/log" }],
    };
    expect(nonRootGaps(hardened)).toEqual([]);
    expect(nonRootGaps(regressed)).toEqual([
      "pod: seccompProfile is not RuntimeDefault",
      'container "web": runs as the image\'s user or root, not a set non-root UID',
      'container "web": allowPrivilegeEscalation is not false',
      'container "web": root filesystem is writable',
      'container "web": capabilities are not drop ALL, add none',
      'container "web": mounts "host", which is not an emptyDir',
    ]);
  });

  it("holds init containers to the same settings, and takes runAsNonRoot from the pod", () => {
    const init = {
      name: "init",
      image: "example/init:1.0",
      securityContext: { ...nonRootContainer(1000), runAsNonRoot: undefined },
    };
    expect(nonRootGaps({ ...hardened, initContainers: [init] })).toEqual([]);
    expect(
      nonRootGaps({ ...hardened, securityContext: { seccompProfile: "RuntimeDefault" }, initContainers: [init] }),
    ).toEqual(['container "init": runAsNonRoot is not set']);
  });
});
