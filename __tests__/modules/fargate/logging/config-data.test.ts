import { describe, expect, it } from "vitest";
import {
  LOG_STREAM_PREFIX,
  awsLoggingDataProblems,
  renderAwsLoggingData,
} from "../../../../modules/fargate/logging/config-data";
import { validateAwsLoggingData } from "../../../../modules/fargate/logging/fluent-bit";

const settings = {
  region: "ap-northeast-2",
  logGroupName: "/aws/eks/dev-fargate/fargate",
  fluentBitProcessLogs: false,
};

describe("renderAwsLoggingData", () => {
  const data = renderAwsLoggingData(settings);

  it("holds exactly the four keys Fargate accepts", () => {
    expect(Object.keys(data).sort()).toEqual(["filters.conf", "flb_log_cw", "output.conf", "parsers.conf"]);
  });

  it("passes Fargate's rules", () => {
    expect(validateAwsLoggingData(data)).toEqual([]);
  });

  it("sends kube.* to the given log group in the given region, without creating a group", () => {
    expect(data["output.conf"]).toBe(
      "[OUTPUT]\n" +
        "  Name cloudwatch_logs\n" +
        "  Match kube.*\n" +
        "  region ap-northeast-2\n" +
        "  log_group_name /aws/eks/dev-fargate/fargate\n" +
        `  log_stream_prefix ${LOG_STREAM_PREFIX}\n` +
        "  auto_create_group false\n",
    );
  });

  it("parses the container runtime's lines and adds Kubernetes metadata", () => {
    expect(data["parsers.conf"]).toMatch(/^\[PARSER\]\n {2}Name crio\n {2}Format Regex\n/);
    expect(data["filters.conf"]).toContain("[FILTER]\n  Name parser\n  Match *\n  Key_name log\n  Parser crio\n");
    expect(data["filters.conf"]).toContain("[FILTER]\n  Name kubernetes\n  Match kube.*\n");
  });

  it("sets flb_log_cw from the setting, as the string Fargate expects", () => {
    expect(data.flb_log_cw).toBe("false");
    expect(renderAwsLoggingData({ ...settings, fluentBitProcessLogs: true }).flb_log_cw).toBe("true");
  });
});

describe("awsLoggingDataProblems", () => {
  const settings = { region: "ap-northeast-2", fluentBitProcessLogs: false };

  it("accepts the project's configuration", () => {
    expect(awsLoggingDataProblems(settings)).toEqual([]);
  });

  it("checks the 5300-character limit with the longest log group name, not a real one", () => {
    const region = "a".repeat(4300);
    // Fits with a real name, but not with the longest name CloudWatch allows.
    expect(validateAwsLoggingData(renderAwsLoggingData({ ...settings, region, logGroupName: "/aws/eks/x" }))).toEqual(
      [],
    );
    expect(awsLoggingDataProblems({ ...settings, region })).toEqual([
      expect.stringMatching(
        /^The aws-logging data is \d+ characters \(keys plus values\), over Fargate's limit of 5300/,
      ),
    ]);
  });
});
