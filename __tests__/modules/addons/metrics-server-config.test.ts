import { describe, expect, it } from "vitest";
import {
  METRICS_SERVER_PORT,
  METRICS_SERVER_RESOURCES,
  metricsServerConfigurationValues,
} from "../../../modules/addons/metrics-server-config";
import { fargateSize } from "../../../modules/fargate/size";

// Fargate reserves the kubelet's port for itself (EKS user guide, metrics-server.html, "Considerations").
const KUBELET_PORT = 10250;

describe("metricsServerConfigurationValues", () => {
  const config = JSON.parse(metricsServerConfigurationValues());

  it("moves the container off the kubelet's port to the one the EKS add-on is built for", () => {
    expect(config.containerPort).toBe(10251);
    expect(config.containerPort).not.toBe(KUBELET_PORT);
    expect(METRICS_SERVER_PORT).toBe(config.containerPort);
  });

  it("runs two replicas with requests equal to limits, 0.25 vCPU and 256M", () => {
    expect(config).toEqual({
      containerPort: 10251,
      replicas: 2,
      resources: { limits: { cpu: "0.25", memory: "256M" }, requests: { cpu: "0.25", memory: "256M" } },
    });
  });

  it("lands each metrics-server pod on the smallest Fargate size", () => {
    expect(fargateSize({ containers: [METRICS_SERVER_RESOURCES] }).label).toBe("0.25 vCPU / 0.5 GB");
  });

  it("rejects resources that need a bigger Fargate size, naming the add-on and the size", () => {
    expect(() => metricsServerConfigurationValues({ cpu: "0.25", memory: "300Mi" })).toThrow(
      'metrics-server with cpu "0.25" and memory "300Mi" would run on Fargate as 0.25 vCPU / 1 GB',
    );
  });
});
