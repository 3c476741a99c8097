import { Ec2SubnetCidrReservation } from "@cdktf/provider-aws/lib/ec2-subnet-cidr-reservation";
import { Construct } from "constructs";
import type { ZoneSubnets } from "./subnet-plan";

/** Settings of the prefix reservations. */
export interface PrefixReservationsProps {
  /** The zones' subnet plan: each private subnet's prefixReservationCidr is reserved. */
  zones: ZoneSubnets[];
  /** The private subnets' ids, in zone order. */
  privateSubnetIds: string[];
}

/**
 * Keeps the upper half of each private subnet for /28 prefixes. With prefix delegation a node takes
 * whole, aligned /28 blocks, which Fargate pods (one address each, anywhere in the subnet) would
 * otherwise scatter until no free /28 is left. A "prefix" CIDR reservation makes EC2 hand out the
 * range only as prefixes; addresses already in use there stay until released (EKS user guide,
 * "Increase the available IP addresses for your Amazon EKS node", prerequisites; EC2 "Subnet CIDR
 * reservations"). Reserving, rather than new subnets for the nodes, keeps every node and Fargate pod
 * on the subnets the cluster and its security groups already know, and is removed as simply.
 * Addresses: aws_ec2_subnet_cidr_reservation.prefixes_<zone letter>.
 */
export class PrefixReservations extends Construct {
  /** One reservation per private subnet. */
  readonly reservations: Ec2SubnetCidrReservation[];

  constructor(scope: Construct, id: string, props: PrefixReservationsProps) {
    super(scope, id);
    this.reservations = props.zones.map((zone, k) => {
      const reservation = new Ec2SubnetCidrReservation(this, `prefixes_${zone.suffix}`, {
        subnetId: props.privateSubnetIds[k],
        cidrBlock: zone.prefixReservationCidr,
        reservationType: "prefix",
        description: `Node prefixes (VPC CNI prefix delegation) in ${zone.availabilityZone}`,
      });
      reservation.overrideLogicalId(`prefixes_${zone.suffix}`);
      return reservation;
    });
  }
}
