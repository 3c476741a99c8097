import { describe, it, expect } from "vitest";
import { renderFluentBitSection, validateAwsLoggingData } from "../../../../modules/fargate/logging/fluent-bit";

const parsers = renderFluentBitSection("PARSER", [
  ["Name", "crio"],
  ["Format", "regex"],
  ["Regex", "^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>P|F) (?<log>.*)$"],
  ["Time_Key", "time"],
  ["Time_Format", "%Y-%m-%dT%H:%M:%S.%L%z"],
]);

const filters = renderFluentBitSection("FILTER", [
  ["Name", "kubernetes"],
  ["Match", "kube.*"],
  ["Merge_Log", "On"],
  ["Keep_Log", "Off"],
  ["Buffer_Size", "0"],
  ["Kube_Meta_Cache_TTL", "300s"],
]);

const output = renderFluentBitSection("OUTPUT", [
  ["Name", "cloudwatch_logs"],
  ["Match", "kube.*"],
  ["region", "eu-west-1"],
  ["log_group_name", "/eks/platform-dev/fargate"],
  ["log_stream_prefix", "fargate-"],
  ["log_retention_days", "30"],
  ["auto_create_group", "false"],
]);

const valid: Record<string, string> = {
  flb_log_cw: "false",
  "parsers.conf": parsers,
  "filters.conf": filters,
  "output.conf": output,
};

/** The valid sample with some keys replaced or added. */
function withData(changes: Record<string, string>): Record<string, string> {
  return { ...valid, ...changes };
}

describe("renderFluentBitSection", () => {
  it("renders the header, two-space indented entries and a trailing newline", () => {
    expect(
      renderFluentBitSection("OUTPUT", [
        ["Name", "cloudwatch_logs"],
        ["Match", "*"],
      ]),
    ).toBe("[OUTPUT]\n  Name cloudwatch_logs\n  Match *\n");
    expect(renderFluentBitSection("FILTER", [])).toBe("[FILTER]\n");
  });

  it("refuses entries that would change the config's structure", () => {
    expect(() => renderFluentBitSection("FILTER", [["Match", "*\n[INPUT]"]])).toThrow(
      'Cannot render "Match *\n[INPUT]" in a [FILTER] section',
    );
    expect(() => renderFluentBitSection("FILTER", [["Log Level", "info"]])).toThrow("the key must be one word");
    expect(() => renderFluentBitSection("FILTER", [["Match", " "]])).toThrow('for example "Match *"');
  });
});

describe("validateAwsLoggingData", () => {
  it("accepts a crio parser, a kubernetes filter and a cloudwatch_logs output", () => {
    expect(validateAwsLoggingData(valid)).toEqual([]);
  });

  it("accepts output.conf alone, in any case, with comments and blank lines", () => {
    const text = "# ship everything\n\n[output]\n    name   CloudWatch_Logs\n    MATCH *\n";
    expect(validateAwsLoggingData({ "output.conf": text })).toEqual([]);
  });

  it("rejects keys other than the four Fargate reads", () => {
    expect(validateAwsLoggingData(withData({ "fluent-bit.conf": "" }))).toEqual([
      'The key "fluent-bit.conf" is not allowed in aws-logging; move its content into ' +
        "filters.conf, parsers.conf or output.conf, or remove it.",
    ]);
  });

  it("requires output.conf", () => {
    expect(validateAwsLoggingData({ "filters.conf": filters })).toEqual([
      "output.conf is missing; add it with at least one [OUTPUT] section, or Fargate ships no logs.",
    ]);
  });

  it('requires flb_log_cw to be "true" or "false"', () => {
    expect(validateAwsLoggingData(withData({ flb_log_cw: "true" }))).toEqual([]);
    expect(validateAwsLoggingData(withData({ flb_log_cw: "yes" }))).toEqual([
      'flb_log_cw is "yes" but must be "true" or "false"; use "true" to send ' + "Fluent Bit's own logs to CloudWatch.",
    ]);
  });

  it("rejects [SERVICE] and [INPUT] sections in any key", () => {
    const service = "[SERVICE]\n  Flush 5\n";
    const input = "[INPUT]\n  Name tail\n";
    expect(
      validateAwsLoggingData(withData({ "filters.conf": service + filters, "output.conf": output + input })),
    ).toEqual([
      "The [SERVICE] section on line 1 of filters.conf is not allowed because Fargate " +
        "manages it; remove the section.",
      "The [INPUT] section on line 9 of output.conf is not allowed because Fargate " +
        "manages it; remove the section.",
    ]);
  });

  it("rejects a section in the wrong key and says where it belongs", () => {
    expect(validateAwsLoggingData(withData({ "output.conf": output + filters }))).toEqual([
      "The [FILTER] section on line 9 of output.conf does not belong there, as output.conf " +
        "may only hold [OUTPUT] sections; move it to filters.conf.",
    ]);
    expect(validateAwsLoggingData(withData({ "parsers.conf": "[MULTILINE_PARSER]\n  name x\n" }))).toEqual([
      "The [MULTILINE_PARSER] section on line 1 of parsers.conf does not belong there, as " +
        "parsers.conf may only hold [PARSER] sections; remove it.",
    ]);
  });

  it("requires Name and Match in filters and outputs", () => {
    const data = withData({
      "filters.conf": "[FILTER]\n  Name grep\n",
      "output.conf": "[OUTPUT]\n  Match *\n",
    });
    expect(validateAwsLoggingData(data)).toEqual([
      'The [FILTER] section on line 1 of filters.conf has no Match key; add a "Match" line.',
      'The [OUTPUT] section on line 1 of output.conf has no Name key; add a "Name" line.',
    ]);
  });

  it("requires Name and Format in parsers", () => {
    const data = withData({ "parsers.conf": "[PARSER]\n  Name crio\n  Regex ^(?<log>.*)$\n" });
    expect(validateAwsLoggingData(data)).toEqual([
      'The [PARSER] section on line 1 of parsers.conf has no Format key; add a "Format" line.',
    ]);
  });

  it("rejects environment variables", () => {
    const data = withData({ "output.conf": output.replace("eu-west-1", "${AWS_REGION}") });
    expect(validateAwsLoggingData(data)).toEqual([
      "output.conf uses the environment variable ${AWS_REGION}, which Fargate does not " +
        "support; write the value itself instead.",
    ]);
  });

  it("rejects filter plugins Fargate does not support", () => {
    const data = withData({ "filters.conf": filters.replace("kubernetes", "lua") });
    expect(validateAwsLoggingData(data)).toEqual([
      'The [FILTER] section on line 1 of filters.conf uses the plugin "lua", which Fargate ' +
        "does not support; use one of grep, parser, record_modifier, rewrite_tag, throttle, " +
        "nest, modify, kubernetes.",
    ]);
  });

  it("rejects output plugins Fargate does not support", () => {
    const data = withData({ "output.conf": output.replace("cloudwatch_logs", "loki") });
    expect(validateAwsLoggingData(data)).toEqual([
      'The [OUTPUT] section on line 1 of output.conf uses the plugin "loki", which Fargate ' +
        "does not support; use one of es, firehose, kinesis_firehose, cloudwatch, " +
        "cloudwatch_logs, kinesis.",
    ]);
  });

  it("rejects lines outside any section", () => {
    const data = withData({ "output.conf": "Name cloudwatch_logs\n" + output });
    expect(validateAwsLoggingData(data)).toEqual([
      "Line 1 of output.conf is outside any section; put it under a [OUTPUT] header or remove it.",
    ]);
  });

  describe("size limit", () => {
    // Pads output.conf with a comment so keys plus values total exactly `total` characters.
    function ofSize(total: number): Record<string, string> {
      const used = "output.conf".length + output.length + "\n#".length;
      return { "output.conf": output + "#" + "x".repeat(total - used) + "\n" };
    }

    it("accepts exactly 5300 characters", () => {
      const data = ofSize(5300);
      expect("output.conf".length + data["output.conf"].length).toBe(5300);
      expect(validateAwsLoggingData(data)).toEqual([]);
    });

    it("rejects 5301 characters, counting the key as well as the value", () => {
      // The value alone is 5290 characters; the 11-character key takes it over the limit.
      expect(validateAwsLoggingData(ofSize(5301))).toEqual([
        "The aws-logging data is 5301 characters (keys plus values), over Fargate's limit of " +
          "5300; shorten it, for example by removing comments and unused sections.",
      ]);
    });
  });
});
