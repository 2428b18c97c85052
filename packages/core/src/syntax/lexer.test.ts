import { describe, expect, it } from "vitest";
import { lex, Lexer } from "./lexer.js";
import { parse } from "./parse.js";

function literal(src: string): unknown {
  const r = lex(src);
  expect(r.errors).toEqual([]);
  expect(r.tokens).toHaveLength(1);
  const { span: _span, ...rest } = r.tokens[0]!.literal as { span: unknown };
  return rest;
}

describe("lexer literals (grammar/LANGUAGE.md sections 1–2)", () => {
  it.each([
    ["42", { type: "number", value: 42, unit: "none", yearLike: false, raw: "42" }],
    ["1_200", { type: "number", value: 1200, unit: "none", yearLike: false, raw: "1_200" }],
    ["3.5", { type: "number", value: 3.5, unit: "none", yearLike: false, raw: "3.5" }],
    ["5k", { type: "number", value: 5000, unit: "none", yearLike: false, raw: "5k" }],
    ["1.5M", { type: "number", value: 1_500_000, unit: "none", yearLike: false, raw: "1.5M" }],
    ["2B", { type: "number", value: 2e9, unit: "none", yearLike: false, raw: "2B" }],
    ["102%", { type: "number", value: 102, unit: "percent", yearLike: false, raw: "102%" }],
    ["2pp", { type: "number", value: 2, unit: "pp", yearLike: false, raw: "2pp" }],
    ["3x", { type: "number", value: 3, unit: "multiple", yearLike: false, raw: "3x" }],
    ["2026", { type: "number", value: 2026, unit: "none", yearLike: true, raw: "2026" }],
    ["$6M", { type: "money", value: 6_000_000, currency: "USD", raw: "$6M" }],
    ["€300k", { type: "money", value: 300_000, currency: "EUR", raw: "€300k" }],
    ["£1.5k", { type: "money", value: 1500, currency: "GBP", raw: "£1.5k" }],
    ["24h", { type: "duration", amount: 24, unit: "h", days: 1, raw: "24h" }],
    ["45d", { type: "duration", amount: 45, unit: "d", days: 45, raw: "45d" }],
    ["12w", { type: "duration", amount: 12, unit: "w", days: 84, raw: "12w" }],
    ["6mo", { type: "duration", amount: 6, unit: "mo", days: 180, raw: "6mo" }],
    ["2q", { type: "duration", amount: 2, unit: "q", days: 182, raw: "2q" }],
    ["1y", { type: "duration", amount: 1, unit: "y", days: 365, raw: "1y" }],
    ["800/day", { type: "rate", amount: 800, per: "day", perDay: 800, raw: "800/day" }],
    ["70/week", { type: "rate", amount: 70, per: "week", perDay: 10, raw: "70/week" }],
    ["650/month", { type: "rate", amount: 650, per: "month", perDay: 650 / 30, raw: "650/month" }],
    ["365/year", { type: "rate", amount: 365, per: "year", perDay: 1, raw: "365/year" }],
    ["2026-09-15", { type: "date", iso: "2026-09-15", raw: "2026-09-15" }],
    ["FY2026", { type: "period", form: "fiscal", year: 2026, index: 0, raw: "FY2026" }],
    ["2026-H2", { type: "period", form: "half", year: 2026, index: 2, raw: "2026-H2" }],
    ["2026-Q3", { type: "period", form: "quarter", year: 2026, index: 3, raw: "2026-Q3" }],
    ["2026-09", { type: "period", form: "month", year: 2026, index: 9, raw: "2026-09" }],
    ['"plain"', { type: "string", value: "plain", multiline: false, raw: '"plain"' }],
    ['"q\\"b\\\\n\\nt\\t\\u{20AC}"', { type: "string", value: 'q"b\\n\nt\t€', multiline: false, raw: '"q\\"b\\\\n\\nt\\t\\u{20AC}"' }],
    ['"""a\n"b"\nc"""', { type: "string", value: 'a\n"b"\nc', multiline: true, raw: '"""a\n"b"\nc"""' }],
    ["true", { type: "bool", value: true, raw: "true" }],
    ["false", { type: "bool", value: false, raw: "false" }],
  ])("%s", (src, expected) => {
    expect(literal(src)).toEqual(expected);
  });

  it("keeps `a - b` and `a / 30` as operators, and `2026-09` as one token", () => {
    expect(lex("a - b").tokens.map((t) => t.image)).toEqual(["a", "-", "b"]);
    expect(lex("a / 30").tokens.map((t) => t.image)).toEqual(["a", "/", "30"]);
    expect(lex("2026-09 -x").tokens.map((t) => t.image)).toEqual(["2026-09", "-", "x"]);
    expect(lex("-> ->").tokens.map((t) => t.tokenType.name)).toEqual(["Arrow", "Arrow"]);
  });

  it("treats kind words as keywords and FY1234abc as an identifier", () => {
    expect(lex("metric FY2026x view").tokens.map((t) => t.tokenType.name)).toEqual(["Kw_metric", "Ident", "Kw_view"]);
  });

  it("collects comments and marks doc comments", () => {
    const r = lex("## doc\nteam a # trailing\n");
    expect(r.comments.map((c) => [c.text, c.doc, c.span])).toEqual([
      ["## doc", true, { start: 0, end: 6 }],
      ["# trailing", false, { start: 14, end: 24 }],
    ]);
  });

  it("reports an unterminated string at the end of its line and keeps lexing", () => {
    const r = lex('"open\nteam');
    expect(r.errors.map((e) => [e.span, e.message])).toEqual([
      [{ start: 0, end: 5 }, 'unterminated string; close it with `"` on the same line (use `"""` for text over several lines)'],
    ]);
    expect(r.tokens.map((t) => t.image)).toEqual(['"open', "team"]);
  });

  it("reports unknown characters once each, astral characters whole", () => {
    const r = lex("a @ 😀 b");
    expect(r.errors.map((e) => [e.span, e.message])).toEqual([
      [{ start: 2, end: 3 }, "unexpected character `@`"],
      [{ start: 4, end: 6 }, "unexpected character `😀`"],
    ]);
    expect(r.tokens.map((t) => t.image)).toEqual(["a", "b"]);
  });

  it("rejects money suffixes that are not magnitudes, whatever their name", () => {
    for (const src of ["$5constructor", "$5toString", "$5__proto__", "$5kk"]) {
      expect(lex(src).errors.map((e) => e.message)).toEqual([`\`${src}\` is not a valid amount; money takes k, M or B`]);
    }
  });

  it("lexes many words with colliding hashes in linear time", () => {
    // "Aa" and "BB" hash alike, so every word made of 15 of them collides
    const words = Array.from({ length: 1 << 15 }, (_, i) => Array.from({ length: 15 }, (_, b) => ((i >> b) & 1 ? "BB" : "Aa")).join(""));
    const r = lex(words.join(" "));
    expect(r.tokens.map((t) => t.image)).toEqual(words);
  });

  it("gives lex's callers tokens that later lexing and parsing leave alone", () => {
    const lexer = new Lexer();
    const kept = lexer.lex('metric a "A" { target: 5% by 2026-Q4 }').tokens;
    const before = kept.map((t) => [t.image, t.startOffset, t.endOffset, t.tokenType.name, t.literal]);
    lexer.lex("team b { role: pmm }\nteam c { role: sales }");
    parse('okr x { kr y: 1 -> 2 }\n"junk"');
    expect(kept.map((t) => [t.image, t.startOffset, t.endOffset, t.tokenType.name, t.literal])).toEqual(before);
  });

  it("gives a kept lexer's later texts exactly their own tokens", () => {
    const lexer = new Lexer();
    expect(lexer.lex("a b c d e f").tokens).toHaveLength(6);
    const r = lexer.lex('x "y" 2026-09-15');
    expect(r.tokens.map((t) => [t.image, t.startOffset, t.endOffset, t.literal?.raw])).toEqual([
      ["x", 0, 0, undefined],
      ['"y"', 2, 4, '"y"'],
      ["2026-09-15", 6, 15, "2026-09-15"],
    ]);
  });

  it("interns repeated literal images without changing them", () => {
    const src = '2026-Q4 2026-Q4 45d 45d "NRR" "NRR" "a\\"b" $6M';
    const a = lex(src).tokens.map((t) => t.literal);
    expect(a.map((l) => l?.raw)).toEqual(["2026-Q4", "2026-Q4", "45d", "45d", '"NRR"', '"NRR"', '"a\\"b"', "$6M"]);
    expect(a.map((l) => (l?.type === "string" ? l.value : null))).toEqual([null, null, null, null, "NRR", "NRR", 'a"b', null]);
  });

  it("reports invalid UTF-8 (decoded as U+FFFD) and NUL bytes at their offsets", () => {
    const r = lex("a\uFFFDb\u0000");
    expect(r.errors.map((e) => [e.span.start, e.message])).toEqual([
      [1, "invalid UTF-8 in the file; save it as UTF-8"],
      [3, "unexpected NUL byte; .pmm files are text"],
    ]);
  });
});
