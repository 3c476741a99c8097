// Checks the data of Fargate's aws-logging ConfigMap against the limits in the EKS
// user guide ("Fargate logging"), so a bad config fails at synth time instead of
// Fargate silently dropping the pod's logs.

/** The section types a Fargate log config may contain. */
export type FluentBitSectionHeader = "FILTER" | "OUTPUT" | "PARSER";

/** Longest aws-logging ConfigMap that Fargate accepts, in characters. */
export const MAX_AWS_LOGGING_CHARACTERS = 5300;

// Which section type each config key may hold.
const SECTION_OF_KEY = new Map<string, FluentBitSectionHeader>([
  ["filters.conf", "FILTER"],
  ["parsers.conf", "PARSER"],
  ["output.conf", "OUTPUT"],
]);

// Keys every section of a type needs, in lower case because Fluent Bit ignores key case.
const REQUIRED_KEYS = new Map<string, string[]>([
  ["FILTER", ["name", "match"]],
  ["OUTPUT", ["name", "match"]],
  ["PARSER", ["name", "format"]],
]);

// Plugins Fargate's Fluent Bit supports; parsers are not plugins, so they have no list.
const SUPPORTED_PLUGINS = new Map<string, string[]>([
  ["FILTER", ["grep", "parser", "record_modifier", "rewrite_tag", "throttle", "nest", "modify", "kubernetes"]],
  ["OUTPUT", ["es", "firehose", "kinesis_firehose", "cloudwatch", "cloudwatch_logs", "kinesis"]],
]);

interface Section {
  header: string;
  line: number;
  entries: Map<string, string>;
}

/** Lists what is wrong with aws-logging ConfigMap data, one sentence per problem; empty when valid. */
export function validateAwsLoggingData(data: Record<string, string>): string[] {
  const problems: string[] = [];
  const allowedKeys = ["flb_log_cw", ...SECTION_OF_KEY.keys()];

  for (const key of Object.keys(data)) {
    if (!allowedKeys.includes(key)) {
      problems.push(
        `The key "${key}" is not allowed in aws-logging; move its content into ` +
          `filters.conf, parsers.conf or output.conf, or remove it.`,
      );
    }
  }
  if (data["output.conf"] === undefined) {
    problems.push(`output.conf is missing; add it with at least one [OUTPUT] section, or Fargate ships no logs.`);
  }
  const flbLogCw = data["flb_log_cw"];
  if (flbLogCw !== undefined && flbLogCw !== "true" && flbLogCw !== "false") {
    problems.push(
      `flb_log_cw is "${flbLogCw}" but must be "true" or "false"; use "true" to send ` +
        `Fluent Bit's own logs to CloudWatch.`,
    );
  }

  for (const [key, section] of SECTION_OF_KEY) {
    const text = data[key];
    if (text !== undefined) problems.push(...checkConf(key, section, text));
  }

  // AWS caps the ConfigMap at 5300 characters without saying what counts. We count
  // every key and value of data: that is all this code controls, and metadata is small.
  const size = Object.entries(data).reduce((n, [key, value]) => n + key.length + value.length, 0);
  if (size > MAX_AWS_LOGGING_CHARACTERS) {
    problems.push(
      `The aws-logging data is ${size} characters (keys plus values), over Fargate's limit of ` +
        `${MAX_AWS_LOGGING_CHARACTERS}; shorten it, for example by removing comments and unused sections.`,
    );
  }
  return problems;
}

function checkConf(key: string, expected: FluentBitSectionHeader, text: string): string[] {
  const problems: string[] = [];
  for (const variable of text.match(/\$\{[^}]*\}/g) ?? []) {
    problems.push(
      `${key} uses the environment variable ${variable}, which Fargate does not support; ` +
        `write the value itself instead.`,
    );
  }

  const { sections, strayLines } = parseSections(text);
  for (const line of strayLines) {
    problems.push(`Line ${line} of ${key} is outside any section; put it under a [${expected}] header or remove it.`);
  }
  for (const section of sections) {
    const where = `The [${section.header}] section on line ${section.line} of ${key}`;
    if (section.header === "SERVICE" || section.header === "INPUT") {
      problems.push(`${where} is not allowed because Fargate manages it; remove the section.`);
      continue;
    }
    if (section.header !== expected) {
      const home = [...SECTION_OF_KEY].find(([, header]) => header === section.header)?.[0];
      problems.push(
        `${where} does not belong there, as ${key} may only hold [${expected}] sections; ` +
          (home ? `move it to ${home}.` : `remove it.`),
      );
    }
    problems.push(...checkSectionKeys(where, section));
  }
  return problems;
}

function checkSectionKeys(where: string, section: Section): string[] {
  const problems: string[] = [];
  // Sections of unknown types were reported already and have no key rules.
  for (const required of REQUIRED_KEYS.get(section.header) ?? []) {
    if (!section.entries.has(required)) {
      const name = required[0].toUpperCase() + required.slice(1);
      problems.push(`${where} has no ${name} key; add a "${name}" line.`);
    }
  }
  const plugins = SUPPORTED_PLUGINS.get(section.header);
  const plugin = section.entries.get("name");
  if (plugins && plugin !== undefined && !plugins.includes(plugin.toLowerCase())) {
    problems.push(
      `${where} uses the plugin "${plugin}", which Fargate does not support; use one of ` + `${plugins.join(", ")}.`,
    );
  }
  return problems;
}

function parseSections(text: string): { sections: Section[]; strayLines: number[] } {
  const sections: Section[] = [];
  const strayLines: number[] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const header = /^\[([^\]]*)\]$/.exec(line);
    if (header) {
      // Fluent Bit reads section names case-insensitively.
      sections.push({
        header: header[1].trim().toUpperCase(),
        line: index + 1,
        entries: new Map(),
      });
      return;
    }
    const current = sections[sections.length - 1];
    if (!current) {
      strayLines.push(index + 1);
      return;
    }
    const [entryKey, ...value] = line.split(/\s+/);
    current.entries.set(entryKey.toLowerCase(), value.join(" "));
  });
  return { sections, strayLines };
}

/** Renders one section: the header line, then "  Key Value" lines, ending with a newline. */
export function renderFluentBitSection(header: FluentBitSectionHeader, entries: [string, string][]): string {
  const lines = entries.map(([key, value]) => {
    // A space in a key or a line break in a value would change the config's structure.
    if (!/^\S+$/.test(key) || value.trim() === "" || /[\r\n]/.test(value)) {
      throw new Error(
        `Cannot render "${key} ${value}" in a [${header}] section: the key must be one word ` +
          `and the value a non-empty single line, for example "Match *".`,
      );
    }
    return `  ${key} ${value}`;
  });
  return [`[${header}]`, ...lines].join("\n") + "\n";
}
