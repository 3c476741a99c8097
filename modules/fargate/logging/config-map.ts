import { ConfigMapV1 } from "@cdktf/provider-kubernetes/lib/config-map-v1";
import { NamespaceV1 } from "@cdktf/provider-kubernetes/lib/namespace-v1";
import { Construct } from "constructs";
import { LogGroup } from "../../logging/log-group";
import { type AwsLoggingSettings, renderAwsLoggingData } from "./config-data";
import { fluentBitProcessLogGroupName } from "../../cluster/names";

/** Settings of Fargate's built-in Fluent Bit log router. */
export interface FargateLoggingProps extends AwsLoggingSettings {
  /** Cluster name: Fargate ships Fluent Bit's process logs to `<clusterName>-fluent-bit-logs`. */
  clusterName: string;
  /** Retention of the Fluent Bit process log group, created here when fluentBitProcessLogs is on. */
  processLogRetentionDays: number;
  /** Customer-managed KMS key encrypting the Fluent Bit process log group. */
  processLogKmsKeyArn: string;
}

/**
 * Fargate logging: the aws-observability namespace and its aws-logging ConfigMap, which Fargate reads
 * when it starts a pod (changes reach new pods only). The loader checks the data against Fargate's
 * rules before synthesis (awsLoggingDataProblems), because Fargate silently turns logging off for a
 * ConfigMap it rejects.
 */
export class FargateLogging extends Construct {
  /** The aws-observability namespace. */
  readonly namespace: NamespaceV1;
  /** The aws-logging ConfigMap. */
  readonly configMap: ConfigMapV1;
  /** The group for Fluent Bit's process logs, when they are shipped. */
  readonly processLogGroup?: LogGroup;

  constructor(scope: Construct, id: string, props: FargateLoggingProps) {
    super(scope, id);
    if (props.fluentBitProcessLogs) {
      // Fargate creates this group itself when missing, without retention, and nothing deletes it.
      this.processLogGroup = new LogGroup(this, "log_group_fluent_bit", {
        name: fluentBitProcessLogGroupName(props.clusterName),
        retentionDays: props.processLogRetentionDays,
        kmsKeyArn: props.processLogKmsKeyArn,
        terraformName: "fluent_bit_process_logs",
      });
    }

    this.namespace = new NamespaceV1(this, "namespace", {
      // Fargate looks for exactly this name and label.
      metadata: { name: "aws-observability", labels: { "aws-observability": "enabled" } },
    });
    this.namespace.overrideLogicalId("aws_observability");

    this.configMap = new ConfigMapV1(this, "config_map", {
      metadata: { name: "aws-logging", namespace: this.namespace.metadata.name },
      data: renderAwsLoggingData(props),
      // The group must exist before a pod starts, or Fargate creates it without retention first.
      dependsOn: this.processLogGroup ? [this.processLogGroup] : undefined,
    });
    this.configMap.overrideLogicalId("aws_logging");
  }
}
