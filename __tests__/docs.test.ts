import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { anchors, brokenLinks, documentationPages, headingSlug, section } from "./support/markdown";

// The documentation a newcomer reads: README.md is a short front page that links every page of
// docs/, and no relative link or anchor of any page leads nowhere.

describe("the README and docs/", () => {
  const pages = documentationPages();
  const readme = pages.find((p) => p.path === "README.md")!;
  const docs = pages.filter((p) => p.path.startsWith("docs/"));

  it("find the pages on disk", () => {
    expect(docs.length).toBeGreaterThan(0);
  });

  it("have no relative link to a missing file and no #anchor without its heading", () => {
    expect(pages.flatMap((page) => brokenLinks(page))).toEqual([]);
  });

  it("README links every page of docs/", () => {
    const linked = (path: string) => readme.text.includes(`](${path})`) || readme.text.includes(`](${path}#`);
    expect(docs.map((p) => p.path).filter((path) => !linked(path))).toEqual([]);
  });

  it("README stays a front page of at most 150 lines", () => {
    expect(readme.text.trimEnd().split("\n").length).toBeLessThanOrEqual(150);
  });
});

describe("headingSlug: GitHub's anchors", () => {
  it("lowercases, drops punctuation but '-' and '_', and turns each space into '-'", () => {
    expect(headingSlug("Terraform providers, downloaded once")).toBe("terraform-providers-downloaded-once");
    expect(headingSlug("Pull-request review")).toBe("pull-request-review");
    expect(headingSlug("`use_lockfile` & S3")).toBe("use_lockfile--s3");
  });

  it("anchors the rendered text: code without backticks, links by their text", () => {
    expect(headingSlug("`<env>-network`: the VPC")).toBe("env-network-the-vpc");
    expect(headingSlug("See [Stacks](docs/stacks.md)")).toBe("see-stacks");
  });

  it("numbers repeated headings as GitHub does, and ignores '#' lines in code blocks", () => {
    const text = "# Notes\n\n## Choices\n\n```sh\n# not a heading\n```\n\n## Choices\n";
    expect([...anchors(text)]).toEqual(["notes", "choices", "choices-1"]);
  });
});

describe("brokenLinks", () => {
  const root = mkdtempSync(join(tmpdir(), "docs-links-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const write = (path: string, text: string) => {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  };
  write("README.md", "# Front\n\n## Two commands\n");
  write("docs/ops.md", "# Operations\n\n## Deploy, diff and destroy\n");
  write("docs/nested/deep.md", "# Deep\n");
  const page = (text: string) => ({ path: "docs/page.md", text });

  it("accepts links to existing pages, folders, headings of other pages and of the page itself", () => {
    const text =
      "# Page\n\n## Here\n\nSee [ops](ops.md), [deploy](ops.md#deploy-diff-and-destroy), [front](../README.md#two-commands),\n" +
      "[the deep\npage](nested/deep.md), [docs](../docs), [here](#here) and [the web](https://example.com/x.md#nowhere).\n";
    expect(brokenLinks(page(text), root)).toEqual([]);
  });

  it("names a link to a missing file, relative to the page", () => {
    expect(brokenLinks(page("[cap](capacity.md) [up](../ops.md)"), root)).toEqual([
      'docs/page.md: link "capacity.md": docs/capacity.md does not exist',
      'docs/page.md: link "../ops.md": ops.md does not exist',
    ]);
  });

  it("names an anchor no heading has, in another page or the page itself", () => {
    expect(brokenLinks(page("# Page\n\n[a](ops.md#deploy) [b](#pages)"), root)).toEqual([
      'docs/page.md: link "ops.md#deploy": docs/ops.md has no heading whose anchor is #deploy',
      'docs/page.md: link "#pages": docs/page.md has no heading whose anchor is #pages',
    ]);
  });

  it("ignores links inside code", () => {
    expect(brokenLinks(page("`[a](missing.md)`\n\n```md\n[b](missing.md)\n```\n"), root)).toEqual([]);
  });

  it("finds README.md and every page under docs/ itself", () => {
    expect(documentationPages(root).map((p) => p.path)).toEqual(["README.md", "docs/nested/deep.md", "docs/ops.md"]);
  });
});

describe("section", () => {
  const pages = [
    { path: "README.md", text: "# Front\n\n## One\n\nfirst\n\n### Sub\n\nsub\n\n## Two\n\nsecond\n" },
    { path: "docs/a.md", text: "# A\n\n## Three\n\nthird\n" },
  ];

  it("returns a section of any page with its subsections, up to the next heading of its level", () => {
    expect(section(pages, "One")).toBe("## One\n\nfirst\n\n### Sub\n\nsub\n");
    expect(section(pages, "Three")).toBe("## Three\n\nthird\n");
  });

  it("says when no page or more than one page has the section", () => {
    expect(() => section(pages, "Four")).toThrow('no page of the documentation has a section "Four"');
    const twice = [...pages, { path: "docs/b.md", text: "## Three\n" }];
    expect(() => section(twice, "Three")).toThrow('section "Three" is in docs/a.md and docs/b.md');
  });
});
