import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { dirname, join, posix } from "node:path";

// The project's documentation as the tests read it: README.md and every Markdown page under docs/,
// found on disk, their headings as GitHub anchors them, and their relative links.

/** A Markdown page of the documentation. */
export interface Page {
  /** Its path from the project root, with "/" separators (README.md, docs/stacks.md). */
  path: string;
  /** Its text. */
  text: string;
}

/** README.md and every Markdown file under docs/ (at any depth), in path order. */
export function documentationPages(root = "."): Page[] {
  const docs = existsSync(join(root, "docs"))
    ? readdirSync(join(root, "docs"), { recursive: true, encoding: "utf8" })
        .filter((file) => file.endsWith(".md"))
        .map((file) => posix.join("docs", file.split("\\").join("/")))
        .sort()
    : [];
  return ["README.md", ...docs].map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }));
}

/** The text with fenced code blocks blanked, line for line, so nothing inside them reads as Markdown. */
function withoutFences(text: string): string {
  let fence: string | undefined;
  return text
    .split("\n")
    .map((line) => {
      const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
      if (fence === undefined && marker) {
        fence = marker;
        return "";
      }
      if (fence !== undefined) {
        if (marker && marker[0] === fence[0] && marker.length >= fence.length && line.trim() === marker) {
          fence = undefined;
        }
        return "";
      }
      return line;
    })
    .join("\n");
}

/** A heading of a page: the line it is on, its level (1 for "#") and its source text. */
interface Heading {
  line: number;
  level: number;
  text: string;
}

/** The ATX headings of a page ("## Title"), outside code blocks. */
function headings(text: string): Heading[] {
  return withoutFences(text)
    .split("\n")
    .flatMap((line, i) => {
      const m = /^ {0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/.exec(line);
      return m ? [{ line: i, level: m[1].length, text: m[2] }] : [];
    });
}

/**
 * GitHub's anchor for a heading: the text as rendered (links become their text, code loses its
 * backticks, emphasis its asterisks), lowercased, every character other than a letter, digit, space,
 * "-" or "_" removed, each space replaced by "-" (the rules of github-slugger, which GitHub uses).
 */
export function headingSlug(heading: string): string {
  const rendered = heading.replace(/\[([^\]]*)\]\([^)]*\)/g, "$1").replace(/[`*]/g, "");
  return rendered
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N} _-]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of a page's headings; a repeated one gets "-1", "-2", ... as on GitHub. */
export function anchors(text: string): Set<string> {
  const seen = new Map<string, number>();
  const result = new Set<string>();
  for (const heading of headings(text)) {
    const base = headingSlug(heading.text);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    result.add(count === 0 ? base : `${base}-${count}`);
  }
  return result;
}

/** The targets of a page's inline links and images, outside code. */
export function linkTargets(text: string): string[] {
  const prose = withoutFences(text).replace(/(`+)[\s\S]*?\1/g, "");
  return [...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]);
}

/**
 * The relative links of a page that lead nowhere, each with the reason: a file or folder that does
 * not exist, or a "#anchor" that no heading of the target page has. Links with a scheme
 * (https:, mailto:) are not checked.
 */
export function brokenLinks(page: Page, root = "."): string[] {
  return linkTargets(page.text).flatMap((target) => {
    if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(target)) return [];
    const [pathPart, anchor] = target.split("#", 2) as [string, string | undefined];
    const path = pathPart === "" ? page.path : posix.normalize(posix.join(dirname(page.path), decodeURI(pathPart)));
    const file = join(root, path);
    if (path !== page.path) {
      if (path.startsWith("..") || !existsSync(file)) return [`${page.path}: link "${target}": ${path} does not exist`];
      if (anchor === undefined) return [];
      if (statSync(file).isDirectory() || !path.endsWith(".md")) {
        return [`${page.path}: link "${target}": ${path} is not a Markdown page, so it has no #${anchor}`];
      }
    }
    if (anchor === undefined) return [];
    const text = path === page.path ? page.text : readFileSync(file, "utf8");
    return anchors(text).has(decodeURIComponent(anchor))
      ? []
      : [`${page.path}: link "${target}": ${path} has no heading whose anchor is #${anchor}`];
  });
}

/**
 * The text of the one section, in any page, under a heading that reads exactly `title` (backticks
 * and all), to the next heading of its level or above.
 */
export function section(pages: Page[], title: string): string {
  const found = pages.flatMap((page) => {
    const all = headings(page.text);
    const i = all.findIndex((h) => h.text === title);
    if (i < 0) return [];
    const next = all.slice(i + 1).find((h) => h.level <= all[i].level);
    return [{ page: page.path, text: page.text.split("\n").slice(all[i].line, next?.line).join("\n") }];
  });
  if (found.length !== 1) {
    throw new Error(
      found.length === 0
        ? `no page of the documentation has a section "${title}"`
        : `section "${title}" is in ${found.map((f) => f.page).join(" and ")}; give one of them another title`,
    );
  }
  return found[0].text;
}
