// Whole-word, case-insensitive name matching (docs/rules/README.md, Name matching: never on ids).
import type { MetricModel } from "../../workspace/metrics.js";
import type { Program } from "../../workspace/program.js";
import { isLetterOrDigit } from "../../util/letters.js";

/** A term as matched: its lower-cased words, whether the cheap test below is sound for it, and its regex once needed. */
interface Term {
  readonly words: readonly string[];
  readonly ascii: boolean;
  re: RegExp | undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** The regex of a term's words: whole words, any run of blanks between them, case folded as Unicode does. */
export function termRegex(words: readonly string[]): RegExp {
  return new RegExp(`(?<![\\p{L}\\p{N}_])${words.map(escape).join("\\s+")}(?![\\p{L}\\p{N}_])`, "iu");
}

/** True when the code point that ends just before `i` (or starts at `i`, `after`) is a letter, digit or `_`: what a whole word may not touch (`[\p{L}\p{N}_]` in the regex). */
function wordCharNear(s: string, i: number, after: boolean): boolean {
  if (after ? i >= s.length : i <= 0) return false;
  const c = s.charCodeAt(after ? i : i - 1);
  let cp = c;
  if (after && c >= 0xd800 && c <= 0xdbff) cp = s.codePointAt(i)!;
  else if (!after && c >= 0xdc00 && c <= 0xdfff && i >= 2) cp = s.codePointAt(i - 2)!;
  return cp === 95 || isLetterOrDigit(cp);
}

/** `\s` of a regex: the blanks a run between a term's words may hold. */
function isBlank(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

/** What `termRegex(words)` finds in a text, on the text lowered (`words` ASCII and lower case): the words in order, blanks between them, word boundaries around. */
function matchesAt(lower: string, words: readonly string[]): boolean {
  const first = words[0]!;
  for (let p = lower.indexOf(first); p >= 0; p = lower.indexOf(first, p + 1)) {
    if (wordCharNear(lower, p, false)) continue;
    let q = p + first.length;
    let ok = true;
    for (let k = 1; k < words.length && ok; k++) {
      let r = q;
      while (r < lower.length && isBlank(lower.charCodeAt(r))) r++;
      ok = r > q && lower.startsWith(words[k]!, r);
      q = r + words[k]!.length;
    }
    if (ok && !wordCharNear(lower, q, true)) return true;
  }
  return false;
}

/**
 * Matches terms against texts, keeping each term's words and regex and the
 * text last lower-cased (`first` tries every term against one text). A
 * program holds one for its rules (`wordMatcher`).
 */
export class WordMatcher {
  private readonly terms = new Map<string, Term>();
  private lastText: string | undefined;
  private lastLower = "";

  /**
   * The text lower-cased for the pre-filter, with `ſ` (long s) read as `s`: under
   * the regex's case folding (`iu`) the only non-ASCII characters that match an
   * ASCII letter are `ſ` (s) and the Kelvin sign (k), and `toLowerCase` already
   * turns the Kelvin sign into `k`.
   */
  private lowered(text: string): string {
    if (text !== this.lastText) {
      const lower = text.toLowerCase();
      this.lastLower = lower.includes("\u017f") ? lower.replaceAll("\u017f", "s") : lower;
      this.lastText = text;
    }
    return this.lastLower;
  }

  /** True when `text` contains `term` as a whole word (or words), ignoring case; spaces in the term match any run of spaces. */
  contains(text: string | undefined, term: string): boolean {
    if (!text) return false;
    const key = term.trim().toLowerCase();
    if (key === "") return false;
    let t = this.terms.get(key);
    if (!t) this.terms.set(key, (t = { words: key.split(/\s+/), ascii: /^[\x00-\x7f]*$/.test(key), re: undefined }));
    // Pre-filter: a match contains every word of an ASCII term in the lower-cased
    // text, so a text missing one cannot match, and the (costly to compile)
    // unicode regex is built only for terms that may. Non-ASCII terms go straight
    // to the regex, whose case folding `toLowerCase` does not reproduce.
    if (t.ascii) {
      const lower = this.lowered(text);
      for (const w of t.words) if (!lower.includes(w)) return false;
      // An ASCII term is matched on the lowered text without the regex (compiling one per term cost a
      // cold `pmm check` ~15 ms), except in a text with `İ`, the one letter whose lower case is longer.
      if (!text.includes("\u0130")) return matchesAt(lower, t.words);
    }
    t.re ??= termRegex(t.words);
    return t.re.test(text);
  }

  /** The first of `terms` that `text` contains as a whole word, or undefined. */
  first(text: string | undefined, terms: readonly string[]): string | undefined {
    if (!text) return undefined;
    return terms.find((t) => this.contains(text, t));
  }
}

/** The program's word matcher (one per program, shared by its rules). */
export function wordMatcher(program: Program): WordMatcher {
  return program.memo("words", () => new WordMatcher());
}

/** A metric's display name for name matching: its own title, else its catalog entry's (the store's titles column); never its id. */
export function titleOf(m: MetricModel): string | undefined {
  return m.title;
}
