import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** A vendored folder, relative to the project: vendor/<name>. */
export function vendorDir(name: string): string {
  return join(__dirname, "../../vendor", name);
}

/** A vendored file's text. */
export function vendoredText(name: string, file: string): string {
  return readFileSync(join(vendorDir(name), file), "utf8");
}

/**
 * The files whose SHA-256 a vendor README records ("<sha256>  <file>" lines), each with that
 * checksum and the one its bytes have now.
 */
export function vendoredChecksums(name: string): { file: string; recorded: string; actual: string }[] {
  return [...vendoredText(name, "README.md").matchAll(/^([0-9a-f]{64}) {2}(\S+)$/gm)].map(([, recorded, file]) => ({
    file,
    recorded,
    actual: createHash("sha256")
      .update(readFileSync(join(vendorDir(name), file)))
      .digest("hex"),
  }));
}
