// Properties of the lexer and parser: they never throw on any string (random
// text, random bytes decoded as UTF-8, truncations and one-character mutations
// of the example files), every error span lies inside the text, and one kept
// parser gives every text the AST a new parser gives it. The AST itself is
// pinned by the golden files (parser.golden.test.ts).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeText } from "./source.js";
import { Lexer } from "./lexer.js";
import { parse, Parser } from "./parse.js";
import { MAX_OPERATORS } from "./parser.js";

const ROOT = fileURLToPath(new URL("../../../..", import.meta.url));

function pmmFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pmmFiles(p) : n.endsWith(".pmm") ? [p] : [];
  });
}

/** The example files' texts. */
const EXAMPLES = pmmFiles(join(ROOT, "examples")).map((p) => readFileSync(p, "utf8"));
const PIECES = [
  "{",
  "}",
  "[",
  "]",
  "(",
  ")",
  ",",
  ":",
  ".",
  "->",
  "+",
  "-",
  "*",
  "/",
  "#",
  '"',
  '"""',
  "\n",
  " ",
  "\0",
  "\uFFFD",
  "é",
  "😀",
  "metric",
  "kr",
  "from",
  "by",
  "2026-Q4",
  "$5M",
  "10%",
  "x",
];

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

/** One parser and one lexer for the whole file, as a workspace keeps them. */
const parser = new Parser();
const lexer = new Lexer();

describe("lexer and parser properties", () => {
  it("lex never throws and its tokens and errors lie inside the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = lexer.lex(text);
        for (const t of r.tokens) expect(inside(text, { start: t.startOffset, end: t.endOffset + 1 })).toBe(true);
        for (const e of r.errors) expect(inside(text, e.span)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("parse never throws and every error span lies inside the text", () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const r = parser.parse(text);
        for (const e of r.errors) expect(inside(text, e.span), `${e.message} ${JSON.stringify(e.span)}`).toBe(true);
        for (const d of r.ast.declarations) expect(inside(text, d.span)).toBe(true);
      }),
      { numRuns: 400 },
    );
  });

  it("a kept parser gives every text what a new parser gives it", () => {
    for (const t of EXAMPLES) expect(parser.parse(t)).toEqual(parse(t));
    fc.assert(
      fc.property(anyText, (text) => {
        expect(parser.parse(text)).toEqual(parse(text));
      }),
      { numRuns: 100 },
    );
    // every run builds a new parser (a few milliseconds each)
  }, 30_000);

  it("parses values built from simple and compound pieces without throwing, errors inside the text", () => {
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
      .tuple(
        fc.constantFrom(...HEADERS),
        fc.array(fc.tuple(fc.constantFrom("owner", "metric", "target", "x"), fc.constantFrom(...VALUES)), { maxLength: 6 }),
        fc.constantFrom(...CLOSES),
      )
      .map(([header, ps, close]) => `${header} {\n${ps.map(([k, v]) => `  ${k}: ${v}\n`).join("")}${close}\n`);
    const file = fc.array(decl, { minLength: 1, maxLength: 4 }).map((ds) => `${ds.join("\n")}team t { role: pmm }\n`);
    fc.assert(
      fc.property(file, (text) => {
        const r = parser.parse(text);
        for (const e of r.errors) expect(inside(text, e.span), `${e.message} ${JSON.stringify(e.span)}`).toBe(true);
        expect(r.ast.declarations.length).toBeGreaterThan(0);
      }),
      { numRuns: 500 },
    );
  });

  it("reports the operator limit once, one operator past it", () => {
    for (const n of [MAX_OPERATORS, MAX_OPERATORS + 1]) {
      const text = `metric m {\n  formula: a${" + b * c".repeat(Math.ceil(n / 2)).slice(0, 4 * n)}\n  type: input\n}\n`;
      const r = parser.parse(text);
      expect(r.errors.map((e) => e.message)).toEqual(n > MAX_OPERATORS ? [`expression too long: at most ${MAX_OPERATORS} operators in one value; split it into metrics`] : []);
    }
  });
});
