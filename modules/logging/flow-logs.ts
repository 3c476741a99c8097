import { FlowLog } from "@cdktf/provider-aws/lib/flow-log";
import { IamRole } from "@cdktf/provider-aws/lib/iam-role";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { LogGroup } from "./log-group";
import { flowLogGroupName, flowLogsRoleName } from "../cluster/names";
import { flowLogsTrustPolicy, flowLogsWritePolicy } from "./flow-logs-policy";
import type { LogsKeyScope } from "./key-policy";

/** Settings of a VPC's flow logs. */
export interface VpcFlowLogsProps extends LogsKeyScope {
  /** Cluster name: prefix of the log group and role names. */
  clusterName: string;
  /** The VPC whose traffic is logged. */
  vpcId: string;
  /** "ALL" (accepted and rejected), "ACCEPT" or "REJECT". */
  trafficType: "ALL" | "ACCEPT" | "REJECT";
  /** Retention of the log group, in days. */
  retentionDays: number;
  /** Customer-managed key encrypting the log group. */
  kmsKeyArn: string;
}

/**
 * VPC flow logs to an encrypted CloudWatch log group with the environment's retention, published
 * through a role only the flow-logs service of this account may assume and that may write only to
 * that group.
 */
export class VpcFlowLogs extends Construct {
  /** The log group. */
  readonly logGroup: LogGroup;
  /** The flow log. */
  readonly flowLog: FlowLog;

  constructor(scope: Construct, id: string, props: VpcFlowLogsProps) {
    super(scope, id);
    // Referencing the key orders the group after the key and its inline policy.
    this.logGroup = new LogGroup(this, "log_group", {
      name: flowLogGroupName(props.clusterName),
      retentionDays: props.retentionDays,
      kmsKeyArn: props.kmsKeyArn,
      terraformName: "flow_logs",
    });

    const role = new IamRole(this, "role", {
      name: flowLogsRoleName(props.clusterName),
      description: `VPC flow logs of ${props.clusterName} to CloudWatch Logs`,
      assumeRolePolicy: JSON.stringify(flowLogsTrustPolicy(props)),
    });
    role.overrideLogicalId("flow_logs");
    const write = new IamRolePolicy(this, "role_policy", {
      name: "write-flow-logs",
      role: role.id,
      policy: JSON.stringify(flowLogsWritePolicy(this.logGroup.arn, props)),
    });
    write.overrideLogicalId("flow_logs");

    this.flowLog = new FlowLog(this, "flow_log", {
      vpcId: props.vpcId,
      trafficType: props.trafficType,
      logDestinationType: "cloud-watch-logs",
      logDestination: this.logGroup.arn,
      iamRoleArn: role.arn,
      tags: { Name: props.clusterName },
      // The role must be able to write before the first records are delivered.
      dependsOn: [write],
    });
    this.flowLog.overrideLogicalId("vpc");
  }
}
