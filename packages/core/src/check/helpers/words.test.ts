import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { termRegex, WordMatcher } from "./words.js";

// One matcher for the whole file, as a program shares one among its rules (its caches must not change answers).
const matcher = new WordMatcher();
const containsWord = (text: string | undefined, term: string): boolean => matcher.contains(text, term);
const firstWord = (text: string | undefined, terms: readonly string[]): string | undefined => matcher.first(text, terms);

describe("WordMatcher.contains", () => {
  it("matches whole words, ignoring case", () => {
    expect(containsWord("Website VISITS per week", "visits")).toBe(true);
    expect(containsWord("visit", "visits")).toBe(false);
    expect(containsWord("Hitsville", "hits")).toBe(false);
    expect(containsWord("hits_total", "hits")).toBe(false);
    expect(containsWord("Trial-to-paid conversion", "conversion")).toBe(true);
  });

  it("matches multi-word terms across any run of spaces", () => {
    expect(containsWord("Registered   users at period end", "registered users")).toBe(true);
    expect(containsWord("registered_users", "registered users")).toBe(false);
  });

  it("treats regex characters in terms literally", () => {
    expect(containsWord("open rate", "(rate)")).toBe(false);
    expect(containsWord("open (rate)", "(rate)")).toBe(true);
    expect(containsWord("a.b", "a.b")).toBe(true);
    expect(containsWord("axb", "a.b")).toBe(false);
  });

  it("matches letters beyond ASCII as word characters", () => {
    expect(containsWord("Besuchsrate", "rate")).toBe(false);
    expect(containsWord("é-rate", "rate")).toBe(true);
  });

  it("keeps the regex's case folding behind the lower-case pre-filter", () => {
    // Multi-word terms: any run of blanks in the text, and in the term.
    expect(containsWord("REGISTERED\t\n Users", "registered users")).toBe(true);
    expect(containsWord("registered users", " Registered   USERS ")).toBe(true);
    expect(containsWord("users registered", "registered users")).toBe(false);
    // Non-ASCII characters that fold to ASCII letters: long s and the Kelvin sign.
    expect(containsWord("\u017Fessions per day", "sessions")).toBe(true);
    expect(containsWord("\u212Aeystrokes", "keystrokes")).toBe(true);
    // Non-ASCII terms: case-insensitive as the regex folds, not as `toLowerCase` (final sigma).
    expect(containsWord("ΟΔΟΣ", "οδοσ")).toBe(true);
    expect(containsWord("École visits", "ÉCOLE")).toBe(true);
    expect(containsWord("écoles", "école")).toBe(false);
  });

  it("gives the same answer whichever text was matched before", () => {
    expect(firstWord("Page views", ["hits", "page views"])).toBe("page views");
    expect(firstWord("Hits", ["hits", "page views"])).toBe("hits");
    expect(firstWord("Page views", ["hits", "page views"])).toBe("page views");
  });

  it("returns the first term found, in the order of the list", () => {
    expect(firstWord("page views and hits", ["hits", "page views"])).toBe("hits");
    expect(firstWord(undefined, ["hits"])).toBeUndefined();
    expect(firstWord("anything", ["  "])).toBeUndefined();
  });
});

describe("WordMatcher without a regex for ASCII terms", () => {
  // Pieces that sit on every edge of the matching: blanks of `\s`, word characters beyond ASCII (and astral ones),
  // the two non-ASCII characters that fold to ASCII letters, `İ` (longer in lower case), punctuation, underscores.
  const piece = fc.constantFrom(
    "rate",
    "Rate",
    "RATE",
    "open",
    "page views",
    "views",
    "s",
    "k",
    "ſ",
    "\u212A",
    "İ",
    "é",
    "ß",
    "_",
    "-",
    ".",
    "(",
    ")",
    " ",
    "  ",
    "\t",
    "\n",
    "\u00a0",
    "\u2003",
    "\u3000",
    "𝐀",
    "𐐀",
    "1",
    "x",
  );
  const term = fc.constantFrom("rate", "open rate", "page views", "views", "a.b", "(rate)", "s", "k", "sessions", "e-mail", "rate_1");
  it("answers as the whole-word regex does, on any text", () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 12 }), term, (pieces, t) => {
        const text = pieces.join("");
        const words = t.trim().toLowerCase().split(/\s+/);
        expect(new WordMatcher().contains(text, t)).toBe(termRegex(words).test(text));
      }),
      { numRuns: 3000 },
    );
  });
});
