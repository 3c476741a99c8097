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
});
