import fc from "fast-check";
import { distance } from "fastest-levenshtein";
import { describe, expect, it } from "vitest";
import { closest, Suggester } from "./suggest.js";

/** The definition: every candidate tried (the former implementation, quadratic over many names). */
function bruteForce(name: string, candidates: readonly string[], max = 2): string | undefined {
  let best: string | undefined;
  let bestD = max + 1;
  const lower = name.toLowerCase();
  for (const c of candidates) {
    if (c === name) continue;
    if (Math.abs(c.length - name.length) > max) continue;
    const d = distance(lower, c.toLowerCase());
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      best = c;
      bestD = d;
    }
  }
  return bestD <= max ? best : undefined;
}

// Few letters (so near misses are common), case pairs, and characters whose lower case is longer or folds.
const letter = fc.constantFrom("a", "b", "c", "A", "B", "_", "1", "é", "É", "İ", "ß", "K", "\u212a", "😀");
const word = fc.array(letter, { maxLength: 9 }).map((l) => l.join(""));

describe("did-you-mean suggestions", () => {
  it("match trying every candidate", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), fc.array(word, { minLength: 1, maxLength: 10 }), fc.integer({ min: 0, max: 3 }), (candidates, names, max) => {
        const s = new Suggester(candidates, max);
        for (const name of names) expect(s.closest(name)).toBe(bruteForce(name, candidates, max));
      }),
      { numRuns: 3000 },
    );
  });

  it("match on names taken from the candidates, edited", () => {
    const edit = fc.tuple(word, fc.nat(), fc.constantFrom("drop", "swap", "add", "upper"), letter);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 30 }), fc.array(edit, { maxLength: 8 }), (candidates, edits) => {
        const s = new Suggester(candidates);
        for (const [, at, op, ch] of edits) {
          const base = candidates[at % candidates.length]!;
          const i = base.length ? at % base.length : 0;
          const name =
            op === "drop"
              ? base.slice(0, i) + base.slice(i + 1)
              : op === "swap"
                ? base.slice(0, i) + ch + base.slice(i + 1)
                : op === "add"
                  ? base.slice(0, i) + ch + base.slice(i)
                  : base.toUpperCase();
          expect(s.closest(name)).toBe(bruteForce(name, candidates));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("keeps the documented choices", () => {
    expect(closest("ownr", ["owner", "other", "kind"])).toBe("owner");
    expect(closest("owner", ["owner"])).toBeUndefined();
    expect(closest("Owner", ["owner"])).toBe("owner");
    expect(closest("abc", ["abd", "abe", "xbc"])).toBe("abd");
    expect(closest("abcdef", ["uvwxyz"])).toBeUndefined();
    expect(closest("x", [])).toBeUndefined();
  });
});
