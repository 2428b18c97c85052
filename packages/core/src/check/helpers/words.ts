// Whole-word, case-insensitive name matching (rules.md preamble: never on ids).
import type { MetricModel } from "../../workspace/program.js";

const patterns = new Map<string, RegExp>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** True when `text` contains `term` as a whole word (or words), ignoring case; spaces in the term match any run of spaces. */
export function containsWord(text: string | undefined, term: string): boolean {
  if (!text) return false;
  const key = term.trim().toLowerCase();
  if (key === "") return false;
  let re = patterns.get(key);
  if (!re) {
    const body = key.split(/\s+/).map(escape).join("\\s+");
    re = new RegExp(`(?<![\\p{L}\\p{N}_])${body}(?![\\p{L}\\p{N}_])`, "iu");
    patterns.set(key, re);
  }
  return re.test(text);
}

/** The first of `terms` that `text` contains as a whole word, or undefined. */
export function firstWord(text: string | undefined, terms: readonly string[]): string | undefined {
  if (!text) return undefined;
  return terms.find((t) => containsWord(text, t));
}

/** A metric's display name for name matching: its own title, else its catalog entry's; never its id. */
export function titleOf(m: MetricModel): string | undefined {
  return m.decl.title?.value ?? m.entry?.title?.value;
}
