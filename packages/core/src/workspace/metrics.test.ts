import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Declaration, Expr, Property } from "../ast/nodes.js";
import { Workspace } from "../project/workspace.js";
import type { MetricModel } from "./metrics.js";
import type { Program } from "./program.js";
import { catalogEntryOf as entryIn } from "./required.js";
import { findProperty, identsOf, namesIn, phraseOf, wordOf, wordsOf } from "./values.js";

const TODAY = "2026-11-23";
const EXAMPLES = new URL("../../../../examples/", import.meta.url).pathname;

const TEXT = `
metric a "A" { type: output  unit: count  inputs: [b, c, nowhere]  formula: b + c }
metric b "B" from std.nps { type: input  owner: pmm }
metric c "C" { type: input  unit: count  unit: percent  traces: [revenue, pipeline]  target: 10 by 2026-Q4 }
metric a "Again" { type: input }
metric d from std.win_rate { type: output }
`;

function programOf(files: ReadonlyArray<{ path: string; text: string }>): Program {
  const ws = new Workspace();
  for (const f of files) ws.set(f.path, f.text);
  return ws.program(TODAY);
}

function pmmFiles(dir: string): Array<{ path: string; text: string }> {
  const out: Array<{ path: string; text: string }> = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...pmmFiles(full));
    else if (name.endsWith(".pmm")) out.push({ path: full.slice(EXAMPLES.length), text: readFileSync(full, "utf8") });
  }
  return out;
}

/**
 * What the language says a metric reads, straight from the AST: the first
 * declaration of each id when it is a metric, in file order; a property is the
 * first of its name, own first, then the catalog entry's; `inputs` and
 * `formula` only own, except that an inherited formula counts when every name
 * in it is a workspace metric (grammar/LANGUAGE.md section 8).
 */
function fromAst(program: Program) {
  const catalogEntryOf = (d: Declaration): Declaration | null => entryIn(d, program.catalog);
  const first = new Map<string, Declaration>();
  for (const f of program.files) for (const d of f.ast.declarations) if (d.id && !first.has(d.id.name)) first.set(d.id.name, d);
  const metrics = [...first.values()].filter((d) => d.kind === "metric");
  const ids = new Set(metrics.map((d) => d.id!.name));
  const own = (d: Declaration, name: string): Property | undefined => findProperty(d.properties, name);
  const prop = (d: Declaration, name: string): Property | undefined => {
    const entry = catalogEntryOf(d);
    return own(d, name) ?? (entry ? findProperty(entry.properties, name) : undefined);
  };
  const formula = (d: Declaration): Expr | undefined => {
    const mine = phraseOf(own(d, "formula"))?.expr;
    if (mine) return mine;
    const entry = catalogEntryOf(d);
    const inherited = entry ? phraseOf(findProperty(entry.properties, "formula"))?.expr : undefined;
    return inherited && namesIn(inherited).every((n) => ids.has(n.name)) ? inherited : undefined;
  };
  const inputs = (d: Declaration): string[] => identsOf(own(d, "inputs")).flatMap((i) => (ids.has(i.name) ? [i.name] : []));
  const title = (d: Declaration): string | undefined => d.title?.value ?? catalogEntryOf(d)?.title?.value;
  return { metrics, own, prop, formula, inputs, title };
}

/** Every column of the store, and every accessor of `MetricModel`, agrees with the AST, metric by metric. */
function expectSameAsAst(program: Program): void {
  const catalogEntryOf = (d: Declaration): Declaration | null => entryIn(d, program.catalog);
  const ast = fromAst(program);
  const s = program.store;
  expect(s.metrics.map((m) => m.decl)).toEqual(ast.metrics);
  expect([...program.metrics.values()]).toEqual(s.metrics);
  const names = new Set(["nowhere", "formula", "inputs", "type", "definition", "vanity", "rate"]);
  for (const d of ast.metrics) {
    for (const p of d.properties) names.add(p.name.name);
    for (const p of catalogEntryOf(d)?.properties ?? []) names.add(p.name.name);
  }
  const byId = (id: string): MetricModel => program.metric(id)!;
  for (const name of names) {
    const prop = s.prop(name);
    const own = s.own(name);
    const word = s.word(name);
    const words = s.words(name);
    ast.metrics.forEach((d, i) => {
      const m = s.metrics[i]!;
      expect(prop[i]).toBe(ast.prop(d, name));
      expect(own[i]).toBe(ast.own(d, name));
      expect(word[i]).toBe(wordOf(ast.prop(d, name)));
      expect(words[i]).toEqual(wordsOf(ast.prop(d, name)));
      expect(m.prop(name)).toBe(prop[i]);
      expect(m.own(name)).toBe(own[i]);
      expect(m.word(name)).toBe(word[i]);
      expect(m.words(name)).toBe(words[i]);
    });
  }
  const titles = s.titles();
  const formulas = s.formula();
  ast.metrics.forEach((d, i) => {
    const m = s.metrics[i]!;
    expect(m.slot).toBe(i);
    expect(s.slotOf(m.id)).toBe(i);
    expect(m.decl).toBe(d);
    expect(program.metricOf(d)).toBe(m);
    expect(titles[i]).toBe(ast.title(d));
    expect(m.title).toBe(titles[i]);
    expect(m.displayName).toBe(ast.title(d) ?? d.id!.name);
    expect(formulas[i]).toBe(ast.formula(d));
    expect(m.formula).toBe(formulas[i]);
    expect(s.inputs()[i]!.map((j) => s.metrics[j]!.id)).toEqual(ast.inputs(d));
    expect(m.inputs.map((x) => x.id)).toEqual(ast.inputs(d));
    const type = wordOf(ast.prop(d, "type"));
    expect(m.type).toBe(type === "output" || type === "input" ? type : undefined);
    // `inputs` turned around: who lists this metric, in slot order (a metric listed twice counts twice)
    const feeding = ast.metrics.flatMap((o) =>
      ast
        .inputs(o)
        .filter((x) => x === d.id!.name)
        .map(() => o),
    );
    expect(program.outputsFeeding(m).map((o) => o.decl)).toEqual(feeding);
  });
  for (const d of ast.metrics) expect(byId(d.id!.name).decl).toBe(d);
}

describe("MetricStore", () => {
  it("reads what the AST says: own first, then the catalog entry; the first of a name; the first declaration of an id", () => {
    const program = programOf([{ path: "a.pmm", text: TEXT }]);
    expectSameAsAst(program);
    const s = program.store;
    expect(s.metrics.map((m) => m.id)).toEqual(["a", "b", "c", "d"]);
    expect(s.word("unit")).toEqual(["count", "score", "count", "percent"]);
    expect(s.own("unit")[1]).toBeUndefined();
    expect(s.words("traces")[2]).toEqual(["revenue", "pipeline"]);
    expect(s.inputs()[0]).toEqual([1, 2]);
    expect(s.titles()).toEqual(["A", "B", "C", "Win rate"]);
    expect(s.slotOf("nowhere")).toBeUndefined();
  });

  it("agrees with the AST on the examples", () => {
    for (const example of ["acme", "anti-patterns", "starter"]) expectSameAsAst(programOf(pmmFiles(join(EXAMPLES, example))));
  });

  it("inherits a catalog formula only when every name in it is a workspace metric", () => {
    const program = programOf([
      { path: "a.pmm", text: `metric arr from std.arr { type: output }\nmetric ratio from std.ltv_to_cac { type: output }\nmetric mrr "MRR" { type: input }\n` },
    ]);
    expectSameAsAst(program);
    expect(program.metric("arr")!.formula).toBeDefined();
    expect(program.metric("ratio")!.formula).toBeUndefined();
  });

  it("is built once per program and afresh after an edit", () => {
    const ws = new Workspace();
    ws.set("a.pmm", TEXT);
    const before = ws.program(TODAY);
    const s = before.store;
    expect(s.prop("target")).toBe(s.prop("target"));
    ws.set("a.pmm", TEXT.replace("target: 10", "target: 12"));
    const after = ws.program(TODAY);
    expect(after).not.toBe(before);
    const u = after.store;
    expect(u).not.toBe(s);
    const target = u.prop("target")[u.slotOf("c")!]!;
    expect(target.value?.type === "phrase" && target.value.expr.type === "number" ? target.value.expr.value : undefined).toBe(12);
    expectSameAsAst(after);
  });

  it("agrees with the AST on random workspaces (ids repeated across files and kinds, repeated properties, catalog entries)", () => {
    const id = fc.constantFrom("a", "b", "c", "d", "e", "mrr", "cac");
    const property = fc.oneof(
      fc.constantFrom("output", "input", "bogus").map((w) => `type: ${w}`),
      fc.constantFrom("count", "percent", "currency").map((w) => `unit: ${w}`),
      fc.array(fc.oneof(id, fc.constant("nowhere")), { maxLength: 4 }).map((xs) => `inputs: [${xs.join(", ")}]`),
      id.map((x) => `inputs: ${x}`),
      fc.tuple(id, id).map(([x, y]) => `formula: ${x} + ${y}`),
      fc.constantFrom("revenue", "pipeline").map((w) => `traces: [${w}, retention]`),
      fc.constantFrom("revenue", "pipeline").map((w) => `traces: ${w}`),
      fc.constantFrom('"One thing"', '"Another"').map((t) => `definition: ${t}`),
      fc.constantFrom("true", "false").map((b) => `vanity: ${b}`),
    );
    const metric = fc.record({
      id,
      title: fc.option(fc.constantFrom("Leads", "Pipeline", ""), { nil: undefined }),
      from: fc.option(fc.constantFrom("nps", "win_rate", "arr", "ltv_to_cac", "no_such_entry"), { nil: undefined }),
      props: fc.array(property, { maxLength: 6 }),
      kind: fc.constantFrom("metric", "metric", "metric", "team"),
    });
    const text = (ms: Array<{ id: string; title: string | undefined; from: string | undefined; props: string[]; kind: string }>): string =>
      ms
        .map((m) =>
          m.kind === "team"
            ? `team ${m.id} "T" { role: other }\n`
            : `metric ${m.id}${m.title !== undefined ? ` "${m.title}"` : ""}${m.from ? ` from std.${m.from}` : ""} {\n${m.props.map((p) => `  ${p}\n`).join("")}}\n`,
        )
        .join("");
    fc.assert(
      fc.property(fc.array(fc.array(metric, { maxLength: 5 }), { minLength: 1, maxLength: 3 }), (files) => {
        expectSameAsAst(programOf(files.map((ms, i) => ({ path: `f${i}.pmm`, text: text(ms) }))));
      }),
      { numRuns: 150 },
    );
  });
});
