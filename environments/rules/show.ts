// How a value the user wrote appears in a message: quoted like code, and cut short when it is long,
// so a pasted megabyte or an object that cannot be printed still gives a readable one-line message.

const LONGEST = 200;

/** A value as the user would write it: "text" quoted, long text cut with its length, anything printable. */
export function shown(value: unknown): string {
  if (typeof value === "string") {
    const chars = [...value];
    return chars.length <= LONGEST
      ? JSON.stringify(value)
      : `${JSON.stringify(chars.slice(0, 100).join(""))}... (${chars.length} characters)`;
  }
  if (value === undefined || typeof value === "number" || typeof value === "boolean" || value === null) {
    return String(value);
  }
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "function" || typeof value === "symbol") return `a ${typeof value}`;
  try {
    const text = JSON.stringify(value);
    return text.length <= LONGEST
      ? text
      : `${text.slice(0, 100)}... (${Array.isArray(value) ? "a list" : "an object"})`;
  } catch {
    return Array.isArray(value) ? "a list" : "an object";
  }
}
