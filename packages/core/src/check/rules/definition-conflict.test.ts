import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { keyHash, keyOf } from "./definition-conflict.js";

// The rule builds a name's key only when its hash recurs: two names with one
// key must have one hash (or no hash, which sends them to the key path).
const piece = fc.constantFrom("a", "A", "b", "B", "z", " ", "  ", "\t", "\n", "\r", "\v", "\f", "\u0001", "é", "É", "\u00a0", "1", "-");
const name = fc.array(piece, { maxLength: 8 }).map((parts) => parts.join(""));

describe("definition-conflict name keys", () => {
  it("equal keys have equal hashes", () => {
    fc.assert(
      fc.property(name, name, (x, y) => {
        const hx = keyHash(x);
        const hy = keyHash(y);
        if (keyOf(x) === keyOf(y) && keyOf(x) !== "" && hx !== null && hy !== null) expect(hx).toBe(hy);
      }),
      { numRuns: 5000 },
    );
  });

  it("folds case and blank runs like the key", () => {
    expect(keyHash("Pipeline  Created")).toBe(keyHash("pipeline created"));
    expect(keyHash(" pipeline created\t")).toBe(keyHash("pipeline created"));
    expect(keyHash("pipeline created")).not.toBe(keyHash("pipeline-created"));
    expect(keyHash("Net revenue é")).toBeNull();
    expect(keyHash("   ")).toBeNull();
  });
});
