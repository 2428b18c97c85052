// Whole-word, case-insensitive name matching (docs/rules/README.md, Name matching: never on ids).
import type { MetricModel } from "../../workspace/metrics.js";

/** A term as matched: its lower-cased words, whether the cheap test below is sound for it, and its regex once needed. */
interface Term {
  readonly words: readonly string[];
  readonly ascii: boolean;
  re: RegExp | undefined;
}

const terms = new Map<string, Term>();

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

// The text last lower-cased: `firstWord` tries every term against one text.
let lastText: string | undefined;
let lastLower = "";

/**
 * The text lower-cased for the pre-filter, with `ſ` (long s) read as `s`: under
 * the regex's case folding (`iu`) the only non-ASCII characters that match an
 * ASCII letter are `ſ` (s) and the Kelvin sign (k), and `toLowerCase` already
 * turns the Kelvin sign into `k`.
 */
function lowered(text: string): string {
  if (text !== lastText) {
    const lower = text.toLowerCase();
    lastLower = lower.includes("\u017f") ? lower.replaceAll("\u017f", "s") : lower;
    lastText = text;
  }
  return lastLower;
}

/** True when `text` contains `term` as a whole word (or words), ignoring case; spaces in the term match any run of spaces. */
export function containsWord(text: string | undefined, term: string): boolean {
  if (!text) return false;
  const key = term.trim().toLowerCase();
  if (key === "") return false;
  let t = terms.get(key);
  if (!t) terms.set(key, (t = { words: key.split(/\s+/), ascii: /^[\x00-\x7f]*$/.test(key), re: undefined }));
  // Pre-filter: a match contains every word of an ASCII term in the lower-cased
  // text, so a text missing one cannot match, and the (costly to compile)
  // unicode regex is built only for terms that may. Non-ASCII terms go straight
  // to the regex, whose case folding `toLowerCase` does not reproduce.
  if (t.ascii) {
    const lower = lowered(text);
    for (const w of t.words) if (!lower.includes(w)) return false;
  }
  if (!t.re) t.re = new RegExp(`(?<![\\p{L}\\p{N}_])${t.words.map(escape).join("\\s+")}(?![\\p{L}\\p{N}_])`, "iu");
  return t.re.test(text);
}

/** The first of `terms` that `text` contains as a whole word, or undefined. */
export function firstWord(text: string | undefined, terms: readonly string[]): string | undefined {
  if (!text) return undefined;
  return terms.find((t) => containsWord(text, t));
}

/** A metric's display name for name matching: its own title, else its catalog entry's (the store's titles column); never its id. */
export function titleOf(m: MetricModel): string | undefined {
  return m.title;
}
