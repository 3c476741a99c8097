import { renderFluentBitSection, validateAwsLoggingData } from "./fluent-bit";

/** What the aws-logging ConfigMap needs to know. */
export interface AwsLoggingSettings {
  /** Region of the log group (Fargate has no instance metadata to find it). */
  region: string;
  /** CloudWatch log group receiving the pods' logs; it must exist (the cluster stack creates it). */
  logGroupName: string;
  /** Also ship Fluent Bit's own process logs to `<cluster>-fluent-bit-logs`. */
  fluentBitProcessLogs: boolean;
}

/** Prefix of the pods' log streams; Fluent Bit appends the tag (kube.var.log.containers.<pod>_<namespace>_...). */
export const LOG_STREAM_PREFIX = "fargate-logs-";

/**
 * The data of Fargate's aws-logging ConfigMap: container runtime lines parsed (crio format), Kubernetes
 * metadata added, and every container log (Fargate tags them kube.*) sent to CloudWatch Logs.
 */
export function renderAwsLoggingData(settings: AwsLoggingSettings): Record<string, string> {
  return {
    flb_log_cw: String(settings.fluentBitProcessLogs),
    "filters.conf":
      renderFluentBitSection("FILTER", [
        ["Name", "parser"],
        ["Match", "*"],
        ["Key_name", "log"],
        ["Parser", "crio"],
      ]) +
      renderFluentBitSection("FILTER", [
        ["Name", "kubernetes"],
        ["Match", "kube.*"],
        ["Merge_Log", "On"],
        ["Keep_Log", "Off"],
        ["Buffer_Size", "0"],
        // Fargate's default is 30 minutes; 5 keeps labels of new pods fresh at little API cost.
        ["Kube_Meta_Cache_TTL", "300s"],
      ]),
    "parsers.conf": renderFluentBitSection("PARSER", [
      ["Name", "crio"],
      ["Format", "Regex"],
      ["Regex", "^(?<time>[^ ]+) (?<stream>stdout|stderr) (?<logtag>P|F) (?<log>.*)$"],
      ["Time_Key", "time"],
      ["Time_Format", "%Y-%m-%dT%H:%M:%S.%L%z"],
    ]),
    "output.conf": renderFluentBitSection("OUTPUT", [
      ["Name", "cloudwatch_logs"],
      ["Match", "kube.*"],
      ["region", settings.region],
      ["log_group_name", settings.logGroupName],
      ["log_stream_prefix", LOG_STREAM_PREFIX],
      // The group and its retention belong to the cluster stack; a group created here would keep logs forever.
      ["auto_create_group", "false"],
    ]),
  };
}

// The longest name CloudWatch allows. The real name is only known at apply time, so the 5300-character
// limit is checked with this stand-in: whatever name the cluster stack picks, the ConfigMap fits.
const LONGEST_LOG_GROUP_NAME = "x".repeat(512);

/** Why Fargate would reject the aws-logging data these settings render, whatever the log group's name. */
export function awsLoggingDataProblems(settings: Omit<AwsLoggingSettings, "logGroupName">): string[] {
  return validateAwsLoggingData(renderAwsLoggingData({ ...settings, logGroupName: LONGEST_LOG_GROUP_NAME }));
}
