// Properties of the lexer and parser (quality.md, Robustness): they never
// throw on any string (random text, random bytes decoded as UTF-8,
// truncations and one-character mutations of the example files), every error
// span lies inside the text, and the parser's shortcut for simple properties
// builds exactly the AST and errors the grammar builds.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { decodeText } from "../workspace/source.js";
import { lex } from "./lexer.js";
import { parse } from "./parse.js";
import { MAX_OPERATORS, setSimplePropertyShortcut } from "./parser.js";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

function pmmFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pmmFiles(p) : n.endsWith(".pmm") ? [p] : [];
  });
}

/** The example files' texts. */
const EXAMPLES = pmmFiles(join(ROOT, "examples")).map((p) => readFileSync(p, "utf8"));
const PIECES = ["{", "}", "[", "]", "(", ")", ",", ":", ".", "->", "+", "-", "*", "/", "#", '"', '"""', "\n", " ", "\0", "\uFFFD", "é", "😀", "metric", "kr", "from", "by", "2026-Q4", "$5M", "10%", "x"];

/** Random text, random decoded bytes, and truncated or mutated example files. */
const anyText = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.uint8Array({ maxLength: 300 }).map((b) => decodeText(b)),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 60 }).map((a) => a.join("")),
  fc.tuple(fc.constantFrom(...EXAMPLES), fc.nat()).map(([t, n]) => t.slice(0, n % (t.length + 1))),
  fc.tuple(fc.constantFrom(...EXAMPLES), fc.nat(), fc.constantFrom(...PIECES, "")).map(([t, n, c]) => {
    const at = n % (t.length + 1);
    return t.slice(0, at) + c + t.slice(at + 1);
  }),
);

function inside(text: string, span: { start: number; end: number }): boolean {
  return span.start >= 0 && span.start <= span.end && span.end <= text.length;
}

afterEach(() => setSimplePropertyShortcut(true));

describe("lexer and parser properties", () => {
  it("lex never throws and its tokens and errors lie inside the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = lex(text);
        for (const t of r.tokens) expect(inside(text, { start: t.startOffset, end: t.endOffset + 1 })).toBe(true);
        for (const e of r.errors) expect(inside(text, e.span)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("parse never throws and every error span lies inside the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parse(text);
        for (const e of r.errors) expect(inside(text, e.span), `${e.message} ${JSON.stringify(e.span)}`).toBe(true);
        for (const d of r.ast.declarations) expect(inside(text, d.span)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("the simple-property shortcut gives the grammar's AST and errors", () => {
    const both = (text: string): [unknown, unknown] => {
      setSimplePropertyShortcut(true);
      const fast = parse(text);
      setSimplePropertyShortcut(false);
      const slow = parse(text);
      setSimplePropertyShortcut(true);
      return [fast, slow];
    };
    for (const t of EXAMPLES) {
      const [fast, slow] = both(t);
      expect(fast).toEqual(slow);
    }
    fc.assert(
      fc.property(anyText, (text) => {
        const [fast, slow] = both(text);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 400 },
    );
  });

  it("the shortcut agrees on values built from simple and compound pieces", () => {
    const VALUES = [
      "a",
      "42",
      "$5M",
      "10%",
      "2026-Q4",
      '"s"',
      "true",
      "a + b",
      "a + b * c - d / e",
      "1 - 2 - 3 + x",
      "a * b / 2 * c",
      "a + b from x over 2025-Q3",
      "a from b + c",
      "a + -b",
      "a + (b)",
      "a +",
      "a * (b - c)",
      "-3",
      "8 from x over 2025-Q3",
      "10 by 2026-Q4",
      "[]",
      "[a]",
      "[a, b,]",
      "[a b]",
      "[a, , b]",
      "[1 by 2026]",
      "[a + b, c]",
      "",
      "[",
      "a from",
      "a from (b)",
      "metric",
      "team x",
    ];
    const HEADERS = ["metric m", 'metric m "Title"', "metric m from std.win_rate", "team", 'team t "T" "U"', "tradeoff a vs b", "okr o", "metric team", "kr k", "x"];
    const CLOSES = ["}", "", "} }", "kr a: 1 -> 2 by 2026-Q4", "view v { a: b }", "x y"];
    const decl = fc
      .tuple(fc.constantFrom(...HEADERS), fc.array(fc.tuple(fc.constantFrom("owner", "metric", "target", "x"), fc.constantFrom(...VALUES)), { maxLength: 6 }), fc.constantFrom(...CLOSES))
      .map(([header, ps, close]) => `${header} {\n${ps.map(([k, v]) => `  ${k}: ${v}\n`).join("")}${close}\n`);
    const file = fc.array(decl, { minLength: 1, maxLength: 4 }).map((ds) => `${ds.join("\n")}team t { role: pmm }\n`);
    fc.assert(
      fc.property(file, (text) => {
        setSimplePropertyShortcut(true);
        const fast = parse(text);
        setSimplePropertyShortcut(false);
        const slow = parse(text);
        expect(fast).toEqual(slow);
      }),
      { numRuns: 500 },
    );
  });

  it("the shortcut agrees at the operator limit", () => {
    for (const n of [MAX_OPERATORS, MAX_OPERATORS + 1]) {
      const text = `metric m {\n  formula: a${" + b * c".repeat(Math.ceil(n / 2)).slice(0, 4 * n)}\n  type: input\n}\n`;
      setSimplePropertyShortcut(true);
      const fast = parse(text);
      setSimplePropertyShortcut(false);
      const slow = parse(text);
      expect(fast).toEqual(slow);
      expect(fast.errors.length).toBe(n > MAX_OPERATORS ? 1 : 0);
    }
  });
});
