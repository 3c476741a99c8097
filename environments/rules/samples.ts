// The samples' settings, checked at load.

import { shown } from "./show";
import type { EnvironmentFields, Problem } from "../schema";

/** Each sample has a namespace of its own (each creates and deletes it). */
export function sampleRules(env: EnvironmentFields, problem: Problem): void {
  if (env.workloads.echoNamespace === env.workloads.gameNamespace) {
    problem(
      ["workloads", "echoNamespace"],
      `${shown(env.workloads.echoNamespace)} is the game's namespace too; each sample creates and deletes its own, so give them different ones`,
    );
  }
}
