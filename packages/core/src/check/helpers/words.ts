// Whole-word, case-insensitive name matching (docs/rules/README.md, Name matching: never on ids).
import type { MetricModel } from "../../workspace/metrics.js";
import type { Program } from "../../workspace/program.js";

/** A term as matched: its lower-cased words, whether the cheap test below is sound for it, and its regex once needed. */
interface Term {
  readonly words: readonly string[];
  readonly ascii: boolean;
  re: RegExp | undefined;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
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
    }
    if (!t.re) t.re = new RegExp(`(?<![\\p{L}\\p{N}_])${t.words.map(escape).join("\\s+")}(?![\\p{L}\\p{N}_])`, "iu");
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
