import { describe, expect, it } from "vitest";
import { autoscalingProblems } from "../../../environments/rules/autoscaling";

const GOOD = { minReplicas: 2, maxReplicas: 6, targetCpuUtilization: 70 };
const fields = (settings: typeof GOOD) => autoscalingProblems(settings).map((p) => p.field);

describe("autoscalingProblems", () => {
  it("accepts bounds in order and a target from 1 to 100, or no autoscaling", () => {
    expect(autoscalingProblems(GOOD)).toEqual([]);
    expect(autoscalingProblems({ minReplicas: 1, maxReplicas: 1, targetCpuUtilization: 1 })).toEqual([]);
    expect(autoscalingProblems({ ...GOOD, targetCpuUtilization: 100 })).toEqual([]);
    expect(autoscalingProblems(undefined)).toEqual([]);
  });

  it("refuses minReplicas below 1, as Kubernetes does without the alpha scale-to-zero gate", () => {
    expect(autoscalingProblems({ ...GOOD, minReplicas: 0 })).toEqual([
      {
        field: "minReplicas",
        message:
          "is 0, but Kubernetes needs an autoscaler to keep at least 1 pod (scaling to zero is an alpha feature EKS " +
          "does not enable); set 1 or more",
      },
    ]);
  });

  it("refuses bounds out of order on maxReplicas, saying which way to fix them", () => {
    expect(autoscalingProblems({ ...GOOD, minReplicas: 5, maxReplicas: 3 })).toEqual([
      {
        field: "maxReplicas",
        message:
          "is 3, below minReplicas 5, which Kubernetes refuses; set maxReplicas to 5 or more, or lower minReplicas",
      },
    ]);
  });

  it("refuses maxReplicas below 1 once, without also calling it out of order", () => {
    expect(fields({ ...GOOD, minReplicas: 0, maxReplicas: 0 })).toEqual(["minReplicas", "maxReplicas"]);
    expect(autoscalingProblems({ ...GOOD, minReplicas: 0, maxReplicas: 0 })[1].message).toBe(
      "is 0, but Kubernetes needs at least 1; set it to minReplicas or more",
    );
  });

  it("refuses a target of 0 (Kubernetes) and above 100 (never reached when limits equal requests)", () => {
    for (const target of [0, -5, 101, 250]) {
      const [problem] = autoscalingProblems({ ...GOOD, targetCpuUtilization: target });
      expect(problem.field).toBe("targetCpuUtilization");
      expect(problem.message).toMatch(new RegExp(`^is ${target}, outside 1-100: .*; set e\\.g\\. 70$`));
    }
  });
});
