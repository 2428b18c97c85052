// Text from files and file names, made safe to print on a terminal or in a CI
// log. Every human-readable writer of the CLI (pretty findings, code frames,
// `fmt` listings, `pmm tree`, diffs, one-line errors) passes such text through
// `visible`; the machine formats (json, sarif, junit, github) escape for their
// own syntax instead.

/**
 * Characters a terminal acts on or that reorder what is shown: C0 controls
 * except tab, DEL, C1 controls, the bidirectional controls (U+061C, U+200E,
 * U+200F, U+202A–U+202E, U+2066–U+2069) and the line and paragraph separators.
 */
const UNSAFE_CHAR = /[\u0000-\u0008\u000A-\u001F\u007F-\u009F\u061C\u200E\u200F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const UNSAFE = new RegExp(UNSAFE_CHAR.source, "g");

/** The escape of one unsafe character code: ESC is `\u{1b}`. */
export function escapedCode(code: number): string {
  return `\\u{${code.toString(16)}}`;
}

/** Whether `visible` escapes a character code (the code frame widens it). */
export function isUnsafe(code: number): boolean {
  return UNSAFE_CHAR.test(String.fromCharCode(code));
}

/**
 * `text` with every control and bidi character shown as a `\u{1b}`-style
 * escape, and with nothing GitHub Actions would run as a workflow command: a
 * leading `::` (after blanks) and the legacy `##[` have their first character
 * escaped. The result is one line when `text` was several.
 */
export function visible(text: string): string {
  let out = text.replace(UNSAFE, (c) => escapedCode(c.charCodeAt(0)));
  if (out.includes("##[")) out = out.replace(/##\[/g, "\\u{23}#[");
  const lead = /^[ \t]*::/.exec(out);
  if (lead) out = `${out.slice(0, lead[0].length - 2)}\\u{3a}${out.slice(lead[0].length - 1)}`;
  return out;
}

/** A text of several lines with each line made `visible` (the line breaks kept). */
export function visibleLines(text: string): string {
  return text.split("\n").map(visible).join("\n");
}
