// Tags the project puts on AWS resources itself, next to the environment's own `tags`.

/** The provider default tags of a stack: the environment's tags, then ManagedBy and Stack (which win). */
export function stackDefaultTags(environmentTags: Record<string, string>, stackId: string): Record<string, string> {
  return { ...environmentTags, ManagedBy: "cdktf", Stack: stackId };
}
