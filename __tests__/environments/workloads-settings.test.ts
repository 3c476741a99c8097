import { describe, expect, it } from "vitest";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { problemsOf as problemsWith } from "../support/environments";
import { TEST_TODAY } from "../support/synth";

const problemsOf = (workloads: Record<string, unknown>) =>
  problemsWith({ ...dev, workloads: { ...dev.workloads, ...workloads } });

describe("workloads settings", () => {
  it("defaults to samples off, in namespaces the default app-* profile selects", () => {
    const [env] = loadEnvironments([{ ...dev, workloads: undefined }], TEST_TODAY).environments;
    expect(env.workloads).toEqual({ enabled: false, gameNamespace: "app-2048", echoNamespace: "app-echo" });
  });

  it("rejects a namespace that is a Fargate selector pattern rather than a name", () => {
    expect(problemsOf({ gameNamespace: "study-*" })).toBe(
      'Invalid environment "dev":\n' +
        '  - workloads.gameNamespace: must be a Kubernetes namespace name: 1-63 lowercase letters, digits or "-", ' +
        "starting and ending with a letter or digit",
    );
  });

  it("rejects a namespace Kubernetes manages", () => {
    for (const ns of ["default", "kube-system"]) {
      expect(problemsOf({ echoNamespace: ns })).toBe(
        'Invalid environment "dev":\n' +
          '  - workloads.echoNamespace: is a namespace Kubernetes manages ("default", "kube-*"), which the sample ' +
          'would try to create and delete; choose your own, e.g. "app-2048"',
      );
    }
  });

  it("rejects one namespace for both samples", () => {
    expect(problemsOf({ gameNamespace: "study-apps", echoNamespace: "study-apps" })).toBe(
      'Invalid environment "dev":\n' +
        '  - workloads.echoNamespace: "study-apps" is the game\'s namespace too; each sample creates and deletes ' +
        "its own, so give them different ones",
    );
  });

  describe("autoscaling", () => {
    const scaling = (autoscaling: Record<string, unknown>) => problemsOf({ autoscaling });

    it("loads bounds and a target that Kubernetes accepts", () => {
      const autoscaling = { minReplicas: 1, maxReplicas: 4, targetCpuUtilization: 60 };
      const [env] = loadEnvironments(
        [{ ...dev, workloads: { ...dev.workloads, autoscaling } }],
        TEST_TODAY,
      ).environments;
      expect(env.workloads.autoscaling).toEqual(autoscaling);
    });

    it("names the field and the fix for every problem at once", () => {
      expect(scaling({ minReplicas: 0, maxReplicas: 4, targetCpuUtilization: 120 })).toBe(
        'Invalid environment "dev":\n' +
          "  - workloads.autoscaling.minReplicas: is 0, but Kubernetes needs an autoscaler to keep at least 1 pod " +
          "(scaling to zero is an alpha feature EKS does not enable); set 1 or more\n" +
          "  - workloads.autoscaling.targetCpuUtilization: is 120, outside 1-100: it is the average CPU use in percent " +
          "of the pods' requests, which Kubernetes needs above 0 and pods whose limits equal their requests (as on " +
          "Fargate) never exceed 100; set e.g. 70",
      );
    });

    it("refuses bounds out of order on maxReplicas", () => {
      expect(scaling({ minReplicas: 4, maxReplicas: 2, targetCpuUtilization: 70 })).toContain(
        "workloads.autoscaling.maxReplicas: is 2, below minReplicas 4",
      );
    });

    it("refuses fractions and unknown fields", () => {
      expect(scaling({ minReplicas: 1.5, maxReplicas: 4, targetCpuUtilization: 70 })).toContain(
        "workloads.autoscaling.minReplicas: must be a whole number of pods",
      );
      expect(scaling({ minReplicas: 1, maxReplicas: 4, targetCPU: 70 })).toContain("workloads.autoscaling");
    });
  });
});
