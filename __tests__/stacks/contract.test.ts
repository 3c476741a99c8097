import { describe, expect, it } from "vitest";
import {
  COMPONENTS,
  CONTRACT,
  type Component,
  type OutputValue,
  type StackOutputs,
  outputNames,
  outputSpec,
} from "../../stacks/contract";
import { dev } from "../../environments/dev";
import { loadEnvironments } from "../../environments/load";
import { karpenterEnvironment } from "../support/environments";
import { type Synthesized, TEST_TODAY, synthesize, synthesizedProject } from "../support/synth";

// The project's environments, and one with a restricted public-only endpoint, the only setting
// under which the cluster stack reads the NAT addresses, and one with Karpenter, whose controller's
// IRSA role makes the add-ons stack read the OIDC provider.
const publicOnly = {
  ...dev,
  name: "pub",
  cluster: { ...dev.cluster, endpointAccess: "public", publicAccessCidrs: ["1.2.3.0/24"] },
};
const synths = [
  synthesizedProject(),
  synthesize([...loadEnvironments([publicOnly], TEST_TODAY).environments, karpenterEnvironment()]),
];

/** The upstream outputs a component's stacks read in any environment, as "<component>.<output>". */
function readsOf(component: Component): string[] {
  const reads = synths.flatMap((synth: Synthesized) =>
    synth.stackIds
      .filter((id) => id.endsWith(`-${component}`))
      .flatMap((id) =>
        [
          ...JSON.stringify(synth.stack(id)).matchAll(/data\.terraform_remote_state\.([a-z_]+)\.outputs\.([a-z_]+)/g),
        ].map(([, upstream, name]) => `${upstream.replace(/_/g, "-")}.${name}`),
      ),
  );
  return [...new Set(reads)].sort();
}

describe("the cross-stack contract", () => {
  it("lists, for every output, exactly the stacks that read it", () => {
    for (const reader of COMPONENTS) {
      const declared = COMPONENTS.flatMap((upstream) =>
        outputNames(upstream)
          .filter((name) => outputSpec(upstream, name).readBy.includes(reader))
          .map((name) => `${upstream}.${name}`),
      ).sort();
      expect(readsOf(reader), reader).toEqual(declared);
    }
  });

  it("describes every output, names it in snake_case, and lets a stack read only upstream stacks", () => {
    for (const component of COMPONENTS) {
      for (const name of outputNames(component)) {
        const spec = outputSpec(component, name);
        expect(name).toMatch(/^[a-z][a-z0-9_]*$/);
        expect(spec.description.length, `${component}.${name}`).toBeGreaterThan(0);
        for (const reader of spec.readBy) {
          expect(COMPONENTS.indexOf(reader), `${reader} reads ${component}.${name}`).toBeGreaterThan(
            COMPONENTS.indexOf(component),
          );
        }
      }
    }
  });

  it("is held complete and typed by kind by the type checker", () => {
    // These lines compile only while the contract's types do their job; tsc (npm test) checks them.
    const complete: StackOutputs<"workloads"> = { game_url: "u", echo_url: "v" };
    // @ts-expect-error: a stack that leaves an output out does not compile.
    const incomplete: StackOutputs<"workloads"> = { game_url: "u" };
    const list: OutputValue<"network", "private_subnet_ids"> = ["subnet-1"];
    // @ts-expect-error: a list output cannot be read as a string.
    const notAString: string = list as OutputValue<"network", "private_subnet_ids">;
    expect([complete, incomplete, notAString]).toHaveLength(3);
    expect(Object.keys(CONTRACT).sort()).toEqual([...COMPONENTS].sort() as Component[]);
  });
});
