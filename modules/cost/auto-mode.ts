import type { CostItem } from "./estimate";

// EKS Auto Mode bills a management fee per hour of each EC2 instance it launches, by instance type and region,
// on top of the instance's own EC2 price (https://aws.amazon.com/eks/pricing/, "EKS Auto Mode"). Which types
// and how many instances run is Karpenter's choice at run time, from the pods placed on Auto Mode's nodes, so
// the estimate states that usage rather than inventing it. The fee table itself could not be read: the only
// stored copies of the pricing page show no per-type fees (read 2026-12-05), so the price is unknown here and
// left out of the total, as every price the table lacks (vendor/aws-prices/README.md).

/** The usage Auto Mode bills for: the instances it launches. */
export interface AutoModeUsage {
  /** Instances Auto Mode runs for the environment's pods; 0 until placement puts pods on its nodes. */
  instances: number;
}

/** The estimate's Auto Mode line: the management fee per instance-hour, with the instances as its usage. */
export function autoModeCostItems(usage: AutoModeUsage): CostItem[] {
  return [
    {
      item: "EKS Auto Mode management fee",
      quantity: usage.instances,
      counts: "instance (each EC2 instance Auto Mode launches, billed per instance type, besides its EC2 price)",
      unit: "hour",
      unitUsd: null,
      monthlyUsd: null,
      source:
        "unknown: https://aws.amazon.com/eks/pricing/ prices Auto Mode per instance type and region; " +
        "no stored copy of that table could be read (2026-12-05), so vendor/aws-prices/prices.json has none",
    },
  ];
}
