/** A rule a workload breaks: the rule's name (as messages show it) and what is wrong and how to fix it. */
export type Violation = [rule: string, text: string];
