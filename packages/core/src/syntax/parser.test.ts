import { describe, expect, it } from "vitest";
import type { Declaration, Expr } from "../ast/nodes.js";
import { parse } from "./parse.js";
import { checkGrammar } from "./parser.js";

function ok(src: string): Declaration[] {
  const r = parse(src);
  expect(r.errors).toEqual([]);
  return [...r.ast.declarations];
}

/** A compact rendering of an expression, to check precedence. */
function show(e: Expr): string {
  switch (e.type) {
    case "binary":
      return `(${show(e.left)} ${e.op} ${show(e.right)})`;
    case "neg":
      return `-${show(e.operand)}`;
    case "paren":
      return show(e.inner);
    case "name":
      return e.name;
    default:
      return e.raw;
  }
}

describe("parser (grammar/LANGUAGE.md sections 3–4)", () => {
  it("parses a declaration header: kind, id, title, from std.NAME, block", () => {
    const [d] = ok('metric win_rate "Win rate" from std.win_rate { type: input }');
    expect(d!.kind).toBe("metric");
    expect(d!.id).toEqual({ name: "win_rate", span: { start: 7, end: 15 } });
    expect(d!.title?.value).toBe("Win rate");
    expect(d!.from?.text).toBe("std.win_rate");
    expect(d!.properties.map((p) => p.name.name)).toEqual(["type"]);
    expect(d!.span).toEqual({ start: 0, end: 60 });
  });

  it("parses declarations without title or block", () => {
    const ds = ok('team pmm\nteam sales "Sales"');
    expect(ds.map((d) => [d.id?.name, d.title?.value ?? null, d.block])).toEqual([
      ["pmm", null, null],
      ["sales", "Sales", null],
    ]);
  });

  it("parses tradeoffs with primary and guard", () => {
    const [d] = ok('tradeoff new_logo_arr vs cac_payback { why: "x" }');
    expect([d!.kind, d!.id, d!.primary?.name, d!.guard?.name]).toEqual(["tradeoff", null, "new_logo_arr", "cac_payback"]);
  });

  it("lets kind words be property names, enum values and ids inside blocks", () => {
    const [d] = ok('dashboard d { source: warehouse  view team "PMM" { audience: [team]  metrics: [metric] } }');
    expect(d!.properties[0]!.name.name).toBe("source");
    expect(d!.views[0]!.id.name).toBe("team");
  });

  it("parses lists with trailing commas, phrases with modifiers, and key results", () => {
    const [d] = ok(`okr o { kr active_users: 42% -> 60% by 2026-12-31 { current: 51% on 2026-10-31 }  kr nps: 31 -> 40 }
    metric m { levers: ["a", "b",]  baseline: 102% from salesforce over 2025-Q3  holdout: 10% for 12mo }`);
    const kr = d!.keyResults[0]!;
    expect([kr.metric.name, show(kr.from!), show(kr.to!), kr.by?.keyword, show(kr.by!.value)]).toEqual(["active_users", "42%", "60%", "by", "2026-12-31"]);
    expect(kr.properties[0]!.name.name).toBe("current");
    expect(d!.keyResults[1]!.by).toBeNull();
    const m = ok(`metric m { levers: ["a", "b",]  baseline: 102% from salesforce over 2025-Q3 }`)[0]!;
    const levers = m.properties[0]!.value!;
    expect(levers.type === "list" && levers.items.length).toBe(2);
    const baseline = m.properties[1]!.value!;
    expect(baseline.type === "phrase" && baseline.modifiers.map((x) => [x.keyword, show(x.value)])).toEqual([
      ["from", "salesforce"],
      ["over", "2025-Q3"],
    ]);
  });

  it("gives formulas the usual precedence", () => {
    const [d] = ok("metric m { formula: a + b * c - d / 2 - -e  other: (a + b) * c }");
    const f = d!.properties.map((p) => (p.value?.type === "phrase" ? show(p.value.expr) : ""));
    expect(f).toEqual(["(((a + (b * c)) - (d / 2)) - -e)", "((a + b) * c)"]);
  });

  it("keeps ## doc comments directly above a declaration", () => {
    const ds = ok("## Share of revenue kept.\n## Expansion included.\nmetric nrr { }\n\n## detached\n\nteam t\n# not doc\nteam u");
    expect(ds.map((d) => d.doc)).toEqual(["Share of revenue kept.\nExpansion included.", null, null]);
  });
});

describe("parser recovery", () => {
  it("a missing `}` ends the block at the next declaration and keeps its members", () => {
    const r = parse("metric a {\n  type: input\n  owner: pmm\nmetric b { owner: x }\nteam t { role: pmm }");
    expect(r.errors.map((e) => e.message)).toEqual(["expected `}` to close `metric a`, found `metric`"]);
    expect(r.ast.declarations.map((d) => [d.id?.name, d.members.length, d.unclosed])).toEqual([
      ["a", 2, true],
      ["b", 1, false],
      ["t", 1, false],
    ]);
  });

  it("a broken property skips to the next member", () => {
    const r = parse("metric a { type: : input  owner: pmm  levers [x]  cadence: weekly }");
    expect(r.errors.map((e) => e.message)).toEqual(["expected a value after `:`, found `:`", "expected `:` after `levers`, found `[`"]);
    expect(r.ast.declarations[0]!.properties.map((p) => p.name.name)).toEqual(["type", "owner", "cadence"]);
  });

  it("junk at the top level skips to the next declaration", () => {
    const r = parse("}} 42 owner: x\nteam t { role: pmm }");
    expect(r.errors.map((e) => e.message)).toEqual(["expected a declaration such as `metric`, `team` or `okr`, found `}`"]);
    expect(r.ast.declarations.map((d) => d.id?.name)).toEqual(["t"]);
  });

  it("a header without an id still parses its block", () => {
    const r = parse('metric "Win rate" { type: input }\nteam t');
    expect(r.errors.map((e) => e.message)).toEqual(['expected a name after `metric`, found `"Win rate"`']);
    expect(r.ast.declarations.map((d) => [d.kind, d.id?.name ?? null, d.properties.length])).toEqual([
      ["metric", null, 1],
      ["team", "t", 0],
    ]);
  });

  it("nesting deeper than 256 is one error, not a stack overflow", () => {
    const deep = `metric m { formula: ${"(".repeat(10_000)}a${")".repeat(10_000)}  type: input }\nteam t`;
    const r = parse(deep);
    expect(r.errors.map((e) => e.message)).toEqual(["nesting too deep: at most 256 levels of parentheses, brackets and braces"]);
    expect(r.ast.declarations.map((d) => d.id?.name)).toEqual(["m", "t"]);
    expect(r.ast.declarations[0]!.properties.map((p) => p.name.name)).toEqual(["formula", "type"]);
  });

  it("an empty file and a comment-only file parse to nothing", () => {
    expect(parse("").ast.declarations).toEqual([]);
    expect(parse("# only a comment").errors).toEqual([]);
  });
});

describe("grammar", () => {
  it("passes Chevrotain's grammar validations (skipped at start-up for speed)", () => {
    expect(() => checkGrammar()).not.toThrow();
  });
});
