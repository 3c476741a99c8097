import { subnetTags } from "../../modules/network/subnet-plan";
import { stackDefaultTags } from "../../modules/cluster/tags";
import { shown } from "./show";
import type { EnvironmentFields, Problem } from "../schema";

// AWS's tag rules, as IAM applies them (every stack's default tags land on IAM roles and policies too):
// https://docs.aws.amazon.com/IAM/latest/UserGuide/id_tags.html#id_tags_rules_creating
// and the general limits, https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html#tag-conventions
// - keys 1-128 Unicode characters, values 0-256;
// - letters, digits, spaces and _ . : / = + - @ only;
// - keys starting with "aws:" (any case) are reserved for AWS;
// - at most 50 tags on one resource.

/** AWS's limit on tags per resource. */
export const MAX_TAGS_PER_RESOURCE = 50;
const MAX_KEY_LENGTH = 128;
const MAX_VALUE_LENGTH = 256;
const ALLOWED = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
const NOT_ALLOWED = /[^\p{L}\p{Z}\p{N}_.:/=+\-@]/gu;

/**
 * The tag keys the project puts on its most-tagged resource, a subnet: the stack's default tags
 * (ManagedBy, Stack) plus the subnet's Name and Load Balancer Controller role tag. Derived from the
 * functions that set them, so a new project tag counts here too (a test checks every synthesized resource).
 */
export const PROJECT_TAG_KEYS: readonly string[] = [
  ...new Set([...Object.keys(stackDefaultTags({}, "stack")), ...Object.keys(subnetTags("name", "public", "zone"))]),
];

/** The project's own default tags: an environment setting them would be overwritten on every resource. */
const PROJECT_DEFAULT_TAG_KEYS = Object.keys(stackDefaultTags({}, "stack"));

/** One problem with an environment's tags: the key it is about (undefined for the whole map) and what is wrong. */
export interface TagProblem {
  /** The tag key the problem is about; undefined when it is about the number of tags. */
  key?: string;
  /** What is wrong and how to fix it. */
  message: string;
}

function disallowed(text: string): string {
  return [...new Set(text.match(NOT_ALLOWED) ?? [])].map((c) => shown(c)).join(" ");
}

/** Every reason AWS would refuse these tags, or that the project would overwrite one; [] when they are fine. */
export function tagProblems(tags: Record<string, string>): TagProblem[] {
  const problems: TagProblem[] = [];
  for (const [key, value] of Object.entries(tags)) {
    const fix = "use letters, digits, spaces and _ . : / = + - @";
    const keyLength = [...key].length;
    if (keyLength === 0) {
      problems.push({ key, message: "a tag key cannot be empty; give the tag a name" });
    } else if (keyLength > MAX_KEY_LENGTH) {
      problems.push({
        key,
        message: `the key is ${keyLength} characters long, over AWS's ${MAX_KEY_LENGTH} for a tag key; shorten it`,
      });
    } else if (/^aws:/i.test(key)) {
      problems.push({ key, message: 'keys starting with "aws:" are reserved for AWS; rename the tag' });
    } else if (!ALLOWED.test(key)) {
      problems.push({ key, message: `the key has characters AWS does not allow in tags (${disallowed(key)}); ${fix}` });
    } else if (PROJECT_DEFAULT_TAG_KEYS.includes(key)) {
      problems.push({
        key,
        message: `is set by the project on every resource (${PROJECT_DEFAULT_TAG_KEYS.join(", ")}), which would overwrite yours; choose another key`,
      });
    }
    const valueLength = [...value].length;
    if (valueLength > MAX_VALUE_LENGTH) {
      problems.push({
        key,
        message: `the value is ${valueLength} characters long, over AWS's ${MAX_VALUE_LENGTH} for a tag value; shorten it`,
      });
    } else if (!ALLOWED.test(value)) {
      problems.push({
        key,
        message: `the value ${shown(value)} has characters AWS does not allow in tags (${disallowed(value)}); ${fix}`,
      });
    }
  }
  const onSubnet = new Set([...Object.keys(tags), ...PROJECT_TAG_KEYS]).size;
  if (onSubnet > MAX_TAGS_PER_RESOURCE) {
    problems.push({
      message:
        `${Object.keys(tags).length} tags, and with the ${PROJECT_TAG_KEYS.length} the project adds (${PROJECT_TAG_KEYS.join(", ")}) ` +
        `each subnet would carry ${onSubnet}, over AWS's limit of ${MAX_TAGS_PER_RESOURCE} per resource; ` +
        `remove ${onSubnet - MAX_TAGS_PER_RESOURCE}`,
    });
  }
  return problems;
}

/** The tags are ones AWS accepts on every resource, and leave room for the project's own. */
export function tagRules(env: EnvironmentFields, problem: Problem): void {
  for (const { key, message } of tagProblems(env.tags)) problem(key === undefined ? ["tags"] : ["tags", key], message);
}
