// A workspace that checks clean, or compiles with `--force` (errors and all),
// always yields a blueprint that validates against the published schema
// (docs/blueprint.schema.json, with ajv). The workspaces are random but
// plausible, with edge dates and numbers: the last day of year 9999 (a
// quarterly review then falls due in year 10000), year 0000, impossible days
// (2026-02-30), numbers too large for a float, zero lifts and traffic, and
// `replaced_by` cycles.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Catalog, checkWorkspace, lex, type WorkspaceFile } from "../index.js";
import { blueprintText, compileBlueprint } from "./compile.js";

const SCHEMA = JSON.parse(readFileSync(new URL("../../../../docs/blueprint.schema.json", import.meta.url), "utf8")) as object;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => void;
const ajv = new Ajv2020({ allErrors: true, strict: true });
addFormats(ajv);
const validate = ajv.compile(SCHEMA);

const TODAY = "2026-11-23";
const HUGE = `1${"0".repeat(309)}`;
const DATES = ["2026-10-01", "9999-12-31", "9999-10-02", "0000-01-01", "0000-02-29", "2024-02-29", "2026-02-30", "2026-02-29", "2026-04-31", "2026-12-31"];
const PERIODS = ["2026", "2026-Q3", "2026-H2", "2026-09", "FY2026", "9999", "9999-Q4", "9999-H2", "9999-12", "FY9999", "0000", "FY0000", "0000-Q1", "2026-10-01", "9999-12-31"];
const NUMBERS = ["0", "42", "1_200", "3.5k", "2M", "1B", "0.0001", `${"9".repeat(308)}`, HUGE, `1${"0".repeat(300)}B`, "25%", "0%", "2pp", "3x"];
const MONEY = ["$0", "$6M", "$300", `$${HUGE}`, "12k"];
const DURATIONS = ["0d", "1d", "45d", "400d", "6mo", "99999y", `1${"0".repeat(306)}y`];
const RATES = ["0/day", "800/day", "10k/month", "1/week", `${HUGE}/day`];
const FISCAL = ["2026-01", "2026-07", "2026-12", "9999-12", "0000-01"];
const EVERY = ["weekly", "monthly", "quarterly"];

const pick = <T>(xs: readonly T[]): fc.Arbitrary<T> => fc.constantFrom(...xs);

const workspaceArb = fc
  .record({
    maturity: fc.integer({ min: 1, max: 5 }),
    cycle: pick(DURATIONS),
    fiscal: fc.option(pick(FISCAL), { nil: undefined }),
    outputs: fc.array(
      fc.record({
        base: pick([...NUMBERS, ...MONEY]),
        target: pick([...NUMBERS, ...MONEY]),
        over: pick(PERIODS),
        by: pick(PERIODS),
        since: fc.option(pick(DATES), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 3 },
    ),
    inputs: fc.array(fc.record({ parent: fc.nat(), status: pick(["active", "retired", "proposed"]), replacedBy: fc.option(fc.nat(), { nil: undefined }) }), { maxLength: 5 }),
    krs: fc.array(
      fc.record({ metric: fc.nat(), from: pick(NUMBERS), to: pick(NUMBERS), by: pick(PERIODS), current: fc.option(fc.tuple(pick(NUMBERS), pick(DATES)), { nil: undefined }) }),
      { minLength: 1, maxLength: 3 },
    ),
    okrPeriod: pick(PERIODS),
    experiments: fc.array(
      fc.record({
        baseline: pick(["4%", "0%", "50%", "120"]),
        effect: pick(["expect: 5%", "expect: 4%", "mde: 0pp", "mde: 1pp", "mde: 0%", "mde: 10%", `mde: ${HUGE}`]),
        traffic: pick(RATES),
        sd: fc.boolean(),
      }),
      { maxLength: 2 },
    ),
    reviews: fc.array(fc.record({ every: pick(EVERY), last: pick(DATES) }), { maxLength: 2 }),
    launch: pick(DATES),
    lookback: pick(DURATIONS),
    spend: pick(MONEY),
    conversions: pick(RATES),
  })
  .map((w) => {
    const out: string[] = [];
    out.push(`blueprint b "B" { maturity: ${w.maturity}  sales_cycle: ${w.cycle}${w.fiscal ? `  fiscal_year_start: ${w.fiscal}` : ""}  north_star: o0  source_of_truth: dwh }`);
    out.push(`team pmm "PMM" { role: pmm }`, `team boss "Boss" { role: exec }`);
    out.push(`source dwh "DWH" { kind: warehouse  refresh: hourly }`);
    const ids = w.outputs.map((_, i) => `o${i}`);
    const inputIds = w.inputs.map((_, i) => `i${i}`);
    const all = [...ids, ...inputIds];
    const inputsOf = new Map<number, string[]>();
    w.inputs.forEach((inp, i) => {
      const parent = inp.parent % w.outputs.length;
      inputsOf.set(parent, [...(inputsOf.get(parent) ?? []), `i${i}`]);
      const replaced = inp.replacedBy !== undefined ? `  replaced_by: ${inputIds[inp.replacedBy % inputIds.length]}` : "";
      out.push(`metric i${i} "Input ${i}" { type: input  owner: pmm  source: dwh  cadence: weekly  levers: ["lever"]  status: ${inp.status}${replaced} }`);
    });
    w.outputs.forEach((o, i) => {
      const inputs = inputsOf.get(i) ?? [];
      out.push(
        `metric o${i} "Output ${i}" { type: output  dimension: retention  owner: pmm  source: dwh  definition: "d ${i}"  baseline: ${o.base} from dwh over ${o.over}  target: ${o.target} by ${o.by}${o.since ? `  since: ${o.since}` : ""}${inputs.length ? `  inputs: [${inputs.join(", ")}]` : ""} }`,
      );
    });
    out.push(`okr top "Top" { level: company  owner: boss  period: ${w.okrPeriod}`);
    for (const kr of w.krs)
      out.push(`  kr ${all[kr.metric % all.length]}: ${kr.from} -> ${kr.to} by ${kr.by}${kr.current ? ` { current: ${kr.current[0]} on ${kr.current[1]} }` : ""}`);
    out.push(`}`);
    w.experiments.forEach((e, i) => out.push(`experiment e${i} "E${i}" { metric: o0  baseline: ${e.baseline}  ${e.effect}  traffic: ${e.traffic}${e.sd ? "  sd: 50" : ""} }`));
    w.reviews.forEach((r, i) => out.push(`review q${i} "Q${i}" { every: ${r.every}  owner: pmm  last: ${r.last} }`));
    out.push(`dashboard d "D" { source: dwh  view v "V" { audience: [boss]  metrics: [${all.join(", ")}] } }`);
    out.push(`forum f "F" { every: weekly  day: monday  audience: [pmm] }`, `report r "R" { forum: f  lead: 24h  metrics: [${all.join(", ")}] }`);
    out.push(`attribution a "A" { models: [mta, incrementality]  lookback: ${w.lookback}  annual_spend: ${w.spend}  conversions: ${w.conversions}  rationale: "r" }`);
    out.push(`launch l "L" { tier: T1  date: ${w.launch}  attribution: a  adoption: [o0] }`);
    return out.join("\n");
  });

/** examples/acme (clean), file by file. */
const ACME_ROOT = new URL("../../../../examples/acme/", import.meta.url).pathname;
const ACME: WorkspaceFile[] = [];
(function walk(dir: string, prefix: string): void {
  for (const n of readdirSync(dir).sort()) {
    const full = join(dir, n);
    if (statSync(full).isDirectory()) walk(full, `${prefix}${n}/`);
    else if (n.endsWith(".pmm")) ACME.push({ path: `${prefix}${n}`, contents: readFileSync(full, "utf8") });
  }
})(ACME_ROOT, "");

/** Edge literals of each kind a literal token of acme may be replaced with. */
const EDGES: ReadonlyMap<string, readonly string[]> = new Map([
  ["Date", DATES],
  ["Period", PERIODS.filter((x) => !/^\d{4}$/.test(x) && !/^\d{4}-\d{2}-\d{2}$/.test(x))],
  ["Number", NUMBERS],
  ["Money", MONEY],
  ["Duration", DURATIONS],
  ["Rate", RATES],
]);

/** acme with some of its literal tokens replaced by edge literals of the same kind (choice k of the list, or kept). */
const mutatedAcme = fc.array(fc.nat(), { minLength: 1, maxLength: 400 }).chain((choices) =>
  fc.double({ min: 0.005, max: 0.08, noNaN: true }).map((rate) => {
    let c = 0;
    return ACME.map((f) => {
      let out = "";
      let at = 0;
      for (const t of lex(f.contents).tokens) {
        const edges = EDGES.get(t.tokenType.name);
        if (!edges) continue;
        const k = choices[c++ % choices.length]!;
        if ((k % 1000) / 1000 >= rate) continue;
        out += f.contents.slice(at, t.startOffset) + edges[k % edges.length]!;
        at = t.startOffset + t.image.length;
      }
      return { path: f.path, contents: out + f.contents.slice(at) };
    });
  }),
);

/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

/** The blueprint as `pmm compile` writes it (with `--force` when there are errors), read back. */
function compiled(text: string | WorkspaceFile[]): { clean: boolean; blueprint: unknown } {
  const files = typeof text === "string" ? [{ path: "w.pmm", contents: text }] : text;
  const { program, diagnostics } = checkWorkspace(files, { today: TODAY }, { catalog: CATALOG });
  const clean = !diagnostics.some((d) => d.severity === "error");
  return { clean, blueprint: JSON.parse(blueprintText(compileBlueprint(program, diagnostics, { today: TODAY }))) };
}

describe("compiled blueprints always validate against docs/blueprint.schema.json", () => {
  it("for random plausible workspaces with edge dates and numbers, compiled with --force", () => {
    let clean = 0;
    fc.assert(
      fc.property(workspaceArb, (text) => {
        const r = compiled(text);
        if (r.clean) clean++;
        if (!validate(r.blueprint)) expect({ text, errors: validate.errors }).toBeUndefined();
      }),
      { numRuns: 300 },
    );
    // these small workspaces always miss some quality gate: they test `--force` (acme below tests clean ones)
    expect(clean).toBe(0);
  }, 120_000);

  it("for examples/acme with edge dates and numbers put in at random, clean or compiled with --force", () => {
    expect(compiled(ACME).clean).toBe(true);
    let clean = 0;
    fc.assert(
      fc.property(mutatedAcme, (files) => {
        const r = compiled(files);
        if (r.clean) clean++;
        if (!validate(r.blueprint)) expect({ files: files.map((f) => f.contents), errors: validate.errors }).toBeUndefined();
      }),
      { numRuns: 60 },
    );
    // both kinds are exercised
    expect(clean).toBeGreaterThan(0);
    expect(clean).toBeLessThan(60);
  }, 120_000);

  it("a review done on 9999-12-31 has no next due date in year 10000", () => {
    const text = `team pmm { role: pmm }\nreview q { every: quarterly  owner: pmm  last: 9999-12-31 }\n`;
    const r = compiled(text);
    expect(validate(r.blueprint)).toBe(true);
    const reviews = (r.blueprint as { cadence: { reviews: Array<{ last: string; next_due: string | null }> } }).cadence.reviews;
    expect(reviews).toEqual([expect.objectContaining({ last: "9999-12-31", next_due: null })]);
  });

  it("`compile --force` drops a date that is not a calendar day", () => {
    const text = `team pmm { role: pmm }\nreview q { every: quarterly  owner: pmm  last: 2026-02-30 }\n`;
    const r = compiled(text);
    expect(r.clean).toBe(false);
    expect(validate(r.blueprint)).toBe(true);
    const reviews = (r.blueprint as { cadence: { reviews: Array<{ last: string | null; next_due: string | null }> } }).cadence.reviews;
    expect(reviews).toEqual([expect.objectContaining({ last: null, next_due: null })]);
  });
});
