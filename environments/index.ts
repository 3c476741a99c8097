import { dev } from "./dev";
import { prod } from "./prod";

/** Every environment main.ts synthesizes; dev is the default one. */
export const ENVIRONMENTS: readonly unknown[] = [dev, prod];
