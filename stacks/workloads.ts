import type { Construct } from "constructs";
import type { Environment } from "../environments/schema";
import { loadBalancerClasses } from "../modules/lb-controller/classes";
import { EchoServer } from "../modules/workloads/echo-server";
import { Game2048 } from "../modules/workloads/game-2048";
import { PlatformStack } from "./platform-stack";

/** The stacks the workloads stack builds on. */
export interface WorkloadsUpstreams {
  /** Cluster name, endpoint and CA for the Kubernetes provider. */
  cluster: PlatformStack<"cluster">;
  /** The controller's webhook must serve before any Service or Ingress is created. */
  lbController: PlatformStack<"lb-controller">;
}

/**
 * `<env>-workloads`: the sample applications behind an ALB and an NLB, each with an HPA when
 * workloads.autoscaling is set. It holds only Kubernetes
 * resources, so it has no AWS provider. The loader has checked the same workload descriptions
 * against Fargate's rules before synthesis. The stack exists in every environment: with the samples
 * off it is empty but keeps its Kubernetes provider, so the deploy after turning them off deletes them
 * (and their load balancers), and destroy order never changes.
 */
export class WorkloadsStack extends PlatformStack<"workloads"> {
  constructor(scope: Construct, env: Environment, upstreams: WorkloadsUpstreams) {
    super(scope, env, "workloads", { awsProvider: false });
    const cluster = this.upstream(upstreams.cluster);
    this.addDependency(upstreams.lbController);

    this.connectToCluster(cluster, ["kubernetes"]);

    if (!env.workloads.enabled) {
      this.outputs({ game_url: "", echo_url: "" });
      return;
    }
    const { gameNamespace, echoNamespace, autoscaling } = env.workloads;
    // The classes of the controller that balances the loads: Auto Mode's, or the Helm-installed one's.
    const classes = loadBalancerClasses(env.compute.autoMode.enabled);
    const game = new Game2048(this, "game_2048", { namespace: gameNamespace, autoscaling, classes });
    const echo = new EchoServer(this, "echo_server", { namespace: echoNamespace, autoscaling, classes });

    this.outputs({
      game_url: game.url,
      echo_url: echo.url,
    });
  }
}
