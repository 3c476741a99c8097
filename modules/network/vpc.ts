import { DefaultNetworkAcl } from "@cdktf/provider-aws/lib/default-network-acl";
import { DefaultRouteTable } from "@cdktf/provider-aws/lib/default-route-table";
import { DefaultSecurityGroup } from "@cdktf/provider-aws/lib/default-security-group";
import { Eip } from "@cdktf/provider-aws/lib/eip";
import { InternetGateway } from "@cdktf/provider-aws/lib/internet-gateway";
import { NatGateway } from "@cdktf/provider-aws/lib/nat-gateway";
import { Route } from "@cdktf/provider-aws/lib/route";
import { RouteTable } from "@cdktf/provider-aws/lib/route-table";
import { RouteTableAssociation } from "@cdktf/provider-aws/lib/route-table-association";
import { Subnet } from "@cdktf/provider-aws/lib/subnet";
import { Vpc as AwsVpc } from "@cdktf/provider-aws/lib/vpc";
import { Construct } from "constructs";
import { type NatStrategy, natZones } from "./nat-zones";
import { subnetTags, type ZoneSubnets } from "./subnet-plan";

/** Settings of the VPC construct. */
export interface VpcProps {
  /** Prefix of every Name tag (the cluster name, as the blueprint does). */
  name: string;
  /** The VPC's IPv4 block. */
  cidr: string;
  /** One private and one public subnet per zone, from planSubnets(). */
  zones: ZoneSubnets[];
  /** "single": one NAT gateway in the first zone; "one-per-az": one per zone, each private subnet using its own. */
  natStrategy: NatStrategy;
}

const ANYWHERE = "0.0.0.0/0";

/**
 * A VPC laid out for EKS on Fargate: private subnets for pods and the control plane, public subnets
 * for NAT gateways and internet-facing load balancers, tagged for the Load Balancer Controller's
 * subnet discovery. The default security group is emptied so nothing uses it by accident.
 * Terraform addresses are fixed names (aws_subnet.private_a), never construct-path hashes.
 */
export class Vpc extends Construct {
  /** The VPC. */
  readonly vpc: AwsVpc;
  /** Private subnets, in zone order. */
  readonly privateSubnets: Subnet[];
  /** Public subnets, in zone order. */
  readonly publicSubnets: Subnet[];
  /** Elastic IPs of the NAT gateways: the VPC's egress addresses. */
  readonly natIps: Eip[];

  constructor(scope: Construct, id: string, props: VpcProps) {
    super(scope, id);
    const { name, zones } = props;

    this.vpc = new AwsVpc(this, "vpc", {
      cidrBlock: props.cidr,
      enableDnsSupport: true,
      // Private endpoint access to the EKS API needs DNS hostnames.
      enableDnsHostnames: true,
      tags: { Name: name },
    });
    this.vpc.overrideLogicalId("vpc");

    const subnet = (kind: "private" | "public", zone: ZoneSubnets) => {
      const s = new Subnet(this, `subnet_${kind}_${zone.suffix}`, {
        vpcId: this.vpc.id,
        availabilityZone: zone.availabilityZone,
        cidrBlock: kind === "private" ? zone.privateCidr : zone.publicCidr,
        mapPublicIpOnLaunch: false,
        tags: subnetTags(name, kind, zone.availabilityZone),
      });
      s.overrideLogicalId(`${kind}_${zone.suffix}`);
      return s;
    };
    this.privateSubnets = zones.map((z) => subnet("private", z));
    this.publicSubnets = zones.map((z) => subnet("public", z));

    const igw = new InternetGateway(this, "igw", { vpcId: this.vpc.id, tags: { Name: name } });
    igw.overrideLogicalId("internet_gateway");

    const publicTable = new RouteTable(this, "rt_public", { vpcId: this.vpc.id, tags: { Name: `${name}-public` } });
    publicTable.overrideLogicalId("public");
    new Route(this, "route_public_internet", {
      routeTableId: publicTable.id,
      destinationCidrBlock: ANYWHERE,
      gatewayId: igw.id,
    }).overrideLogicalId("public_internet");

    const gatewayZones = natZones(props.natStrategy, zones);
    this.natIps = [];
    const natGateways = gatewayZones.map((zone) => {
      const eip = new Eip(this, `eip_nat_${zone.suffix}`, {
        domain: "vpc",
        tags: { Name: `${name}-nat-${zone.availabilityZone}` },
        dependsOn: [igw],
      });
      eip.overrideLogicalId(`nat_${zone.suffix}`);
      this.natIps.push(eip);
      const nat = new NatGateway(this, `natgw_${zone.suffix}`, {
        allocationId: eip.allocationId,
        subnetId: this.publicSubnets[zones.indexOf(zone)].id,
        tags: { Name: `${name}-${zone.availabilityZone}` },
        dependsOn: [igw],
      });
      nat.overrideLogicalId(`nat_${zone.suffix}`);
      return nat;
    });

    // One private route table per NAT gateway: "private" for a single NAT, "private_<zone>" per zone.
    const privateTables = natGateways.map((nat, i) => {
      const suffix = props.natStrategy === "single" ? "" : `_${gatewayZones[i].suffix}`;
      const table = new RouteTable(this, `rt_private${suffix}`, {
        vpcId: this.vpc.id,
        tags: { Name: `${name}-private${suffix.replace("_", "-")}` },
      });
      table.overrideLogicalId(`private${suffix}`);
      new Route(this, `route_private_nat${suffix}`, {
        routeTableId: table.id,
        destinationCidrBlock: ANYWHERE,
        natGatewayId: nat.id,
      }).overrideLogicalId(`private_nat${suffix}`);
      return table;
    });

    zones.forEach((zone, k) => {
      const privateTable = privateTables[props.natStrategy === "single" ? 0 : k];
      new RouteTableAssociation(this, `rta_private_${zone.suffix}`, {
        subnetId: this.privateSubnets[k].id,
        routeTableId: privateTable.id,
      }).overrideLogicalId(`private_${zone.suffix}`);
      new RouteTableAssociation(this, `rta_public_${zone.suffix}`, {
        subnetId: this.publicSubnets[k].id,
        routeTableId: publicTable.id,
      }).overrideLogicalId(`public_${zone.suffix}`);
    });

    // Adopt the VPC's default resources so they are visible and locked down in code.
    new DefaultSecurityGroup(this, "default_sg", {
      vpcId: this.vpc.id,
      ingress: [],
      egress: [],
      tags: { Name: `${name}-default` },
    }).overrideLogicalId("default");
    new DefaultNetworkAcl(this, "default_nacl", {
      defaultNetworkAclId: this.vpc.defaultNetworkAclId,
      ingress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: ANYWHERE }],
      egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: ANYWHERE }],
      tags: { Name: `${name}-default` },
      // Subnets attach to the default NACL implicitly; managing the list here would fight AWS.
      lifecycle: { ignoreChanges: ["subnet_ids"] },
    }).overrideLogicalId("default");
    new DefaultRouteTable(this, "default_rt", {
      defaultRouteTableId: this.vpc.defaultRouteTableId,
      tags: { Name: `${name}-default` },
    }).overrideLogicalId("default");
  }
}
