// The compiler: exact expected JSON for fixture workspaces (fixtures/compile/<name>/input/*.pmm + expected.json,
// UPDATE=1 rewrites), determinism, acme against the schema, random valid workspaces against the schema.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Catalog, checkWorkspace, Parser, type WorkspaceFile } from "../index.js";
import { BLUEPRINT_SCHEMA, BLUEPRINT_SCHEMA_ID } from "./blueprint-schema.js";
import { blueprintText, compileBlueprint } from "./compile.js";
import { BlueprintValidator } from "./validate.js";
import { filesUnder } from "../../../../test/helpers/workspace-files.js";

const FIXTURES = new URL("../../fixtures/compile/", import.meta.url).pathname;
const ACME = new URL("../../../../examples/acme/", import.meta.url).pathname;
const DOCS_SCHEMA = new URL("../../../../docs/blueprint.schema.json", import.meta.url).pathname;
const TODAY = "2026-11-23";
/** One validator for the file (its schema is compiled once). */
const validator = new BlueprintValidator();
const validateBlueprint = (value: unknown) => validator.validate(value);

/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

/** The blueprint text of a workspace. */
function compileText(files: readonly WorkspaceFile[], today?: string): string {
  const { program, diagnostics } = checkWorkspace(files, { today: today ?? TODAY }, { catalog: CATALOG });
  return blueprintText(compileBlueprint(program, diagnostics, today === undefined ? {} : { today }));
}

describe("compile fixtures (expected JSON)", () => {
  const names = existsSync(FIXTURES) ? readdirSync(FIXTURES).sort() : [];
  it("has at least one fixture", () => {
    expect(names.length).toBeGreaterThan(0);
  });
  for (const name of names) {
    it(name, async () => {
      const text = compileText(filesUnder(join(FIXTURES, name, "input")), TODAY);
      const expectedPath = join(FIXTURES, name, "expected.json");
      if (process.env["UPDATE"] === "1" || !existsSync(expectedPath)) writeFileSync(expectedPath, text);
      expect(text).toBe(readFileSync(expectedPath, "utf8"));
      expect(await validateBlueprint(JSON.parse(text))).toEqual({ ok: true });
    });
  }
});

describe("compileBlueprint", () => {
  const acme = filesUnder(ACME);

  it("compiles examples/acme to a blueprint that validates against the schema", async () => {
    const bp = JSON.parse(compileText(acme, TODAY)) as { $schema: string; blueprint: { name: string; sales_cycle: unknown }; metrics: unknown[] };
    expect(await validateBlueprint(bp)).toEqual({ ok: true });
    expect(bp.$schema).toBe(BLUEPRINT_SCHEMA_ID);
    expect(bp.blueprint.name).toBe("Acme PMM measurement");
    expect(bp.blueprint.sales_cycle).toEqual({ value: 45, unit: "days", as_written: "45d" });
    expect(bp.metrics).toHaveLength(29);
  });

  it("gives byte-identical output on repeated compiles, and no date unless today is given", () => {
    const a = compileText(acme, TODAY);
    const b = compileText([...acme].reverse(), TODAY);
    expect(b).toBe(a);
    const undated = compileText(acme);
    expect(undated).not.toContain('"today"');
    expect(undated).toBe(compileText(acme));
  });

  it("carries units: percent, currency with the blueprint's code, durations in days, periods as ranges", () => {
    const bp = JSON.parse(compileText(acme, TODAY)) as {
      targets: Array<{ metric: string; baseline: { value: unknown; source: string; period: unknown }; target: { value: unknown; by: unknown } }>;
      okrs: {
        objectives: Array<{ id: string; score: number; band: string; key_results: Array<{ metric: string; score: number; band: string; current: unknown; current_on: string }> }>;
      };
    };
    const nrr = bp.targets.find((t) => t.metric === "net_revenue_retention")!;
    expect(nrr.baseline).toEqual({ value: { value: 104, unit: "percent" }, source: "warehouse", period: { start: "2026-04-01", end: "2026-06-30" } });
    expect(nrr.target).toEqual({ value: { value: 108, unit: "percent" }, by: { start: "2026-10-01", end: "2026-12-31" } });
    expect(bp.targets.find((t) => t.metric === "time_to_value")!.target.value).toEqual({ value: 14, unit: "days", as_written: "14d" });
    const company = bp.okrs.objectives.find((o) => o.id === "company_growth")!;
    expect(company.key_results[0]).toMatchObject({
      metric: "arr",
      current: { value: 41_600_000, unit: "currency", currency: "USD" },
      current_on: "2026-10-31",
      score: 0.5636,
      band: "yellow",
    });
    expect(company.score).toBeCloseTo((3.1 / 5.5 + 0.5 + 3550 / 5600) / 3, 4);
  });

  it("gives plain numbers on currency metrics the blueprint currency and reads FY with fiscal_year_start", () => {
    const files = [
      {
        path: "a.pmm",
        contents:
          'blueprint b "B" { maturity: 3  sales_cycle: 30d  currency: GBP  fiscal_year_start: 2026-02 }\nteam t "T" { role: pmm }\nsource s "S" { kind: crm }\nmetric m "M" { type: output  dimension: retention  unit: currency  owner: t  baseline: 5k from s over FY2026  target: £9k by 2026-Q3 }\n',
      },
    ];
    const bp = JSON.parse(compileText(files, TODAY)) as { metrics: Array<{ baseline: unknown; target: unknown }> };
    expect(bp.metrics[0]!.baseline).toEqual({ value: { value: 5000, unit: "currency", currency: "GBP" }, source: "s", period: { start: "2025-02-01", end: "2026-01-31" } });
    expect(bp.metrics[0]!.target).toEqual({ value: { value: 9000, unit: "currency", currency: "GBP" }, by: { start: "2026-07-01", end: "2026-09-30" } });
  });

  it("treats hostile ids as ordinary names", async () => {
    const files = [
      {
        path: "a.pmm",
        contents:
          'team __proto__ "P" { role: pmm }\nmetric constructor "C" { type: output  dimension: retention  owner: __proto__  inputs: [hasOwnProperty] }\nmetric hasOwnProperty "H" { type: input  owner: __proto__  levers: ["x"] }\ntradeoff constructor vs hasOwnProperty { why: "w" }\n',
      },
    ];
    const text = compileText(files, TODAY);
    const bp = JSON.parse(text) as { metrics: Array<{ id: string; owner: string; inputs: string[] }> };
    expect(bp.metrics.map((m) => [m.id, m.owner, m.inputs])).toEqual([
      ["constructor", "__proto__", ["hasOwnProperty"]],
      ["hasOwnProperty", "__proto__", []],
    ]);
    expect(await validateBlueprint(bp)).toEqual({ ok: true });
  });
});

describe("the blueprint schema", () => {
  it("is draft 2020-12 with a versioned $id", () => {
    expect(BLUEPRINT_SCHEMA["$schema"]).toBe("https://json-schema.org/draft/2020-12/schema");
    expect(BLUEPRINT_SCHEMA_ID).toMatch(/\/v\d+\.json$/);
    expect(BLUEPRINT_SCHEMA["$id"]).toBe(BLUEPRINT_SCHEMA_ID);
  });

  it("describes every field", () => {
    const missing: string[] = [];
    const visit = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${path}/${i}`));
      if (node === null || typeof node !== "object") return;
      const o = node as Record<string, unknown>;
      for (const container of ["properties", "$defs"]) {
        const props = o[container];
        if (props && typeof props === "object") {
          for (const [k, v] of Object.entries(props as Record<string, unknown>)) {
            if (typeof (v as { description?: unknown }).description !== "string") missing.push(`${path}/${container}/${k}`);
            visit(v, `${path}/${container}/${k}`);
          }
        }
      }
      for (const k of ["items", "anyOf", "oneOf", "additionalProperties"]) if (k in o) visit(o[k], `${path}/${k}`);
    };
    visit(BLUEPRINT_SCHEMA, "#");
    expect(missing).toEqual([]);
  });

  it("rejects a blueprint with a wrong unit or an unknown key", async () => {
    const bp = JSON.parse(compileText(filesUnder(join(FIXTURES, "small", "input")), TODAY)) as { blueprint: Record<string, unknown> };
    expect(await validateBlueprint({ ...bp, blueprint: { ...bp.blueprint, sales_cycle: { value: 20, unit: "weeks" } } })).toMatchObject({ ok: false });
    expect(await validateBlueprint({ ...bp, extra: 1 })).toEqual({ ok: false, errors: ["/: must NOT have additional properties"] });
  });

  it("is published in docs/blueprint.schema.json (in sync; scripts/gen-blueprint-schema.mjs writes it)", () => {
    expect(readFileSync(DOCS_SCHEMA, "utf8")).toBe(`${JSON.stringify(BLUEPRINT_SCHEMA, null, 2)}\n`);
  });
});

// ------------------------------------------------------------ properties

const DIMS = ["retention", "engagement", "monetization"] as const;
const UNITS = ["count", "percent", "currency", "ratio", "score", "duration"] as const;
/** Values that fit each unit. */
const VALUES: Record<(typeof UNITS)[number], readonly string[]> = {
  count: ["42", "1_200", "3.5k"],
  percent: ["25%", "3.5%", "102%"],
  currency: ["$6M", "12k", "$300"],
  ratio: ["3.5", "0.25", "3x"],
  score: ["42", "7.5"],
  duration: ["14d", "6mo", "36h"],
};
const PERIODS = ["2026", "FY2026", "2026-H2", "2026-Q3", "2026-09", "2026-09-15"] as const;

/** A random but valid workspace: a blueprint, teams, sources, outputs with inputs, and the declarations around them. */
const workspaceArb = fc
  .record({
    maturity: fc.integer({ min: 1, max: 5 }),
    cycle: fc.integer({ min: 1, max: 400 }),
    fiscal: fc.integer({ min: 1, max: 12 }),
    outputs: fc.array(
      fc.constantFrom(...UNITS).chain((unit) =>
        fc.record({
          dim: fc.constantFrom(...DIMS),
          unit: fc.constant(unit),
          base: fc.constantFrom(...VALUES[unit]),
          target: fc.constantFrom(...VALUES[unit]),
          over: fc.constantFrom(...PERIODS),
          by: fc.constantFrom(...PERIODS),
        }),
      ),
      { minLength: 1, maxLength: 4 },
    ),
    inputs: fc.array(
      fc.record({
        parent: fc.nat(),
        unit: fc.constantFrom(...UNITS),
        formula: fc.boolean(),
        refresh: fc.option(fc.constantFrom("hourly", "daily", "weekly", "manual"), { nil: undefined }),
        cadence: fc.constantFrom("daily", "weekly", "monthly"),
      }),
      { maxLength: 6 },
    ),
    tradeoffs: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
    krs: fc.array(
      fc.record({
        metric: fc.nat(),
        from: fc.integer({ min: 0, max: 100 }),
        to: fc.integer({ min: 0, max: 100 }),
        current: fc.option(fc.integer({ min: 0, max: 100 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    models: fc.subarray(["single_touch", "self_reported", "mta", "mmm", "incrementality"], { minLength: 1 }),
    tier: fc.constantFrom("T0", "T1", "T2", "T3"),
    lead: fc.constantFrom("12h", "24h", "2d", "1w"),
  })
  .map((w) => {
    const out: string[] = [];
    out.push(
      `blueprint b "B" { maturity: ${w.maturity}  sales_cycle: ${w.cycle}d  fiscal_year_start: 2026-${String(w.fiscal).padStart(2, "0")}  north_star: o0  source_of_truth: dwh }`,
    );
    out.push(`team pmm "PMM" { role: pmm }`, `team boss "Boss" { role: exec }`);
    out.push(`source dwh "DWH" { kind: warehouse  refresh: hourly }`);
    const ids: string[] = [];
    const inputsOf = new Map<number, string[]>();
    w.inputs.forEach((inp, i) => {
      const parent = inp.parent % w.outputs.length;
      inputsOf.set(parent, [...(inputsOf.get(parent) ?? []), `i${i}`]);
      out.push(`source s${i} "S${i}" { kind: crm${inp.refresh ? `  refresh: ${inp.refresh}` : ""}  feeds: dwh }`);
      const formula = inp.formula && i > 0 ? `  formula: i${i - 1} / 2` : "";
      out.push(`metric i${i} "Input ${i}" { type: input  unit: ${inp.unit}  owner: pmm  source: s${i}  cadence: ${inp.cadence}  levers: ["lever"]${formula} }`);
    });
    w.outputs.forEach((o, i) => {
      ids.push(`o${i}`);
      const inputs = inputsOf.get(i) ?? [];
      out.push(
        `metric o${i} "Output ${i}" { type: output  dimension: ${o.dim}  unit: ${o.unit}  owner: pmm  source: dwh  definition: "d ${i}"  baseline: ${o.base} from dwh over ${o.over}  target: ${o.target} by ${o.by}${inputs.length ? `  inputs: [${inputs.join(", ")}]` : ""} }`,
      );
    });
    const all = [...ids, ...w.inputs.map((_, i) => `i${i}`)];
    for (const [a, b] of w.tradeoffs) if (all[a % all.length] !== all[b % all.length]) out.push(`tradeoff ${all[a % all.length]} vs ${all[b % all.length]} { why: "w" }`);
    out.push(`okr top "Top" { level: company  owner: boss  period: 2026-H2`);
    for (const kr of w.krs)
      out.push(`  kr ${all[kr.metric % all.length]}: ${kr.from} -> ${kr.to} by 2026-Q4${kr.current !== undefined ? ` { current: ${kr.current} on 2026-10-01 }` : ""}`);
    out.push(`}`, `okr sub "Sub" { level: team  owner: pmm  period: 2026-Q4  aligns: top  kr o0: 1 -> 2 }`);
    out.push(`dashboard d "D" { source: dwh  view v "V" { audience: [boss]  metrics: [${all.join(", ")}] } }`);
    out.push(`forum f "F" { every: weekly  day: monday  audience: [pmm] }`, `report r "R" { forum: f  lead: ${w.lead}  metrics: [${all.join(", ")}] }`);
    out.push(`workstream ws "WS" { owner: pmm  kpis: [${all.slice(0, 7).join(", ")}]  deliverables: [launch] }`);
    out.push(`attribution a "A" { models: [${w.models.join(", ")}]  lookback: 60d  rationale: "r" }`);
    out.push(`launch l "L" { tier: ${w.tier}  date: 2026-09-01  attribution: a  adoption: [o0] }`);
    out.push(`review q "Q" { every: quarterly  owner: pmm  last: 2026-10-01 }`);
    return out.join("\n");
  });

describe("compile properties", () => {
  /** One parser and catalog for every generated workspace (building a parser costs a few milliseconds, parsing the catalog as much). */
  const parser = new Parser();
  const catalog = new Catalog(parser);
  it("compiling random valid workspaces always validates against the schema", async () => {
    await fc.assert(
      fc.asyncProperty(workspaceArb, async (text) => {
        const { program, diagnostics } = checkWorkspace([{ path: "w.pmm", contents: text }], { today: TODAY }, { parser, catalog });
        expect(diagnostics.filter((d) => d.rule === "syntax" || d.rule === "invalid-value" || d.rule === "unknown-reference")).toEqual([]);
        const once = blueprintText(compileBlueprint(program, diagnostics, { today: TODAY }));
        const result = await validateBlueprint(JSON.parse(once));
        expect(result).toEqual({ ok: true });
        expect(blueprintText(compileBlueprint(program, diagnostics, { today: TODAY }))).toBe(once);
      }),
      { numRuns: 150 },
    );
    // 150 workspaces take ~5 s alone and ~7 s on a loaded machine: over vitest's default 5 s
  }, 60_000);
});

/** A chain of `n` metrics linked by `inputs`; every metric an output when `outputs`. */
function chain(n: number, outputs: boolean): WorkspaceFile[] {
  let text = `team t "T" { role: pmm }\n`;
  for (let i = 0; i < n; i++) {
    const type = outputs || i === 0 ? "output  dimension: retention" : "input";
    text += `metric m${i} "M ${i}" { type: ${type}  owner: t  definition: "d"${i < n - 1 ? `  inputs: [m${i + 1}]` : `  levers: ["l"]`} }\n`;
  }
  return [{ path: "chain.pmm", contents: text }];
}

describe("the constellation graph (blueprint v2)", () => {
  it("is every metric once and every edge once, by id, with each metric's depth below the nearest output", () => {
    const files = [
      {
        path: "a.pmm",
        contents:
          'team t "T" { role: pmm }\nmetric o "O" { type: output  dimension: retention  owner: t  inputs: [a, b]  formula: a / c }\nmetric p "P" { type: output  dimension: engagement  owner: t  inputs: [b] }\nmetric a "A" { type: input  owner: t  levers: ["l"]  inputs: [b] }\nmetric b "B" { type: input  owner: t  levers: ["l"] }\nmetric c "C" { type: input  owner: t  levers: ["l"] }\nmetric loose "L" { type: input  owner: t  levers: ["l"]  inputs: [a] }\n',
      },
    ];
    const bp = JSON.parse(compileText(files, TODAY)) as {
      version: number;
      $schema: string;
      constellation: { nodes: unknown; edges: unknown; dimensions: Array<{ outputs: Array<{ metric: string; inputs: string[] }> }> };
    };
    expect([bp.version, bp.$schema]).toEqual([2, "https://pmm.dev/schemas/blueprint/v2.json"]);
    expect(bp.constellation.nodes).toEqual([
      { metric: "o", name: "O", type: "output", depth: 0 },
      { metric: "p", name: "P", type: "output", depth: 0 },
      { metric: "a", name: "A", type: "input", depth: 1 },
      { metric: "b", name: "B", type: "input", depth: 1 },
      { metric: "c", name: "C", type: "input", depth: 1 },
      { metric: "loose", name: "L", type: "input", depth: null },
    ]);
    expect(bp.constellation.edges).toEqual([
      { from: "o", to: "a", via: "inputs" },
      { from: "o", to: "b", via: "inputs" },
      { from: "o", to: "c", via: "formula" },
      { from: "p", to: "b", via: "inputs" },
      { from: "a", to: "b", via: "inputs" },
      { from: "loose", to: "a", via: "inputs" },
    ]);
    expect(bp.constellation.dimensions.flatMap((d) => d.outputs.map((o) => [o.metric, o.inputs]))).toEqual([
      ["o", ["a", "b", "c"]],
      ["p", ["b"]],
    ]);
  });

  it("compiles a 2,000-long inputs chain (no recursion) to a schema-valid blueprint", async () => {
    const text = compileText(chain(2000, false), TODAY);
    const bp = JSON.parse(text) as { constellation: { nodes: Array<{ depth: number }>; edges: unknown[] } };
    expect(bp.constellation.nodes[1999]!.depth).toBe(1999);
    expect(bp.constellation.edges).toHaveLength(1999);
    expect(await validateBlueprint(bp)).toEqual({ ok: true });
  });

  it("grows linearly with the chain (v1 repeated every downstream tree under every output: 46 MB at 200)", () => {
    const at200 = compileText(chain(200, true), TODAY).length;
    const at400 = compileText(chain(400, true), TODAY).length;
    expect(at200).toBeLessThan(500_000);
    expect(at400 / at200).toBeGreaterThan(1.8);
    expect(at400 / at200).toBeLessThan(2.2);
  });
});

describe("readings in the blueprint", () => {
  const ws = [
    {
      path: "a.pmm",
      contents:
        'team t "T" { role: pmm }\nmetric wau "WAU" { type: output  dimension: engagement  unit: count  owner: t  baseline: 100  target: 200 by 2026-Q4 }\nworkstream w "W" { owner: t  kpis: [wau]  deliverables: [messaging] }\nokr k "K" { level: company  owner: t  period: 2026-H2  kr wau: 100 -> 200 by 2026-Q4 }\n',
    },
  ];

  it("scores a key result without `current` from the latest reading in its period, and gives each KPI its latest reading", async () => {
    const { program, diagnostics } = checkWorkspace(ws, { today: TODAY });
    const readings = {
      grain: "week" as const,
      series: new Map([
        [
          "wau",
          [
            { date: "2026-09-28", value: 120 },
            { date: "2026-10-05", value: 150 },
            { date: "2027-01-04", value: 199 },
          ],
        ],
      ]),
    };
    const bp = compileBlueprint(program, diagnostics, { today: TODAY, readings });
    expect(bp.okrs.objectives[0]!.key_results[0]).toEqual({
      form: "move",
      metric: "wau",
      milestone: null,
      name: "WAU",
      from: { value: 100, unit: "count" },
      to: { value: 200, unit: "count" },
      change: null,
      bound: null,
      start: 100,
      goal: 200,
      by: { start: "2026-10-01", end: "2026-12-31" },
      current: { value: 150, unit: "count" },
      current_on: "2026-10-05",
      current_source: "readings",
      done: null,
      score: 0.5,
      band: "yellow",
    });
    expect(bp.okrs.objectives[0]!.score).toBe(0.5);
    expect(bp.targets[0]!.latest).toEqual({ date: "2027-01-04", value: { value: 199, unit: "count" } });
    expect(bp.readings).toEqual({
      grain: "week",
      series: [
        {
          metric: "wau",
          points: [
            { date: "2026-09-28", value: 120 },
            { date: "2026-10-05", value: 150 },
            { date: "2027-01-04", value: 199 },
          ],
        },
      ],
    });
    expect(await validateBlueprint(JSON.parse(blueprintText(bp)))).toEqual({ ok: true });
    const without = compileBlueprint(program, diagnostics, { today: TODAY });
    expect([without.readings, without.targets[0]!.latest, without.okrs.objectives[0]!.key_results[0]!.current_source, without.okrs.objectives[0]!.key_results[0]!.score]).toEqual([
      null,
      null,
      null,
      null,
    ]);
  });
});

describe("launches and experiments in the blueprint", () => {
  it("gives acme's launches by stage with tracking status, and its experiments with sample size against traffic", () => {
    const bp = JSON.parse(compileText(filesUnder(ACME), TODAY)) as { launches: Array<Record<string, unknown>>; experiments: Array<Record<string, unknown>> };
    expect(bp.launches.map((l) => [l["id"], l["tier"], l["date"], l["status"], l["tracking"]])).toEqual([
      ["copilot_ga", "T1", "2026-09-15", "live", "tracked"],
      ["template_gallery", "T2", "2026-10-06", "live", "tracked"],
      ["slack_refresh", "T3", "2026-11-10", "live", "tracked"],
    ]);
    expect(bp.launches[0]!["stages"]).toEqual([
      { stage: "awareness", required: false, metrics: [] },
      { stage: "engagement", required: true, metrics: [{ metric: "copilot_trials", name: "Copilot trial starts", since: "2026-08-03", tracking: "before_launch", latest: null }] },
      {
        stage: "adoption",
        required: true,
        metrics: [{ metric: "copilot_weekly_accounts", name: "Copilot weekly active accounts", since: "2026-08-03", tracking: "before_launch", latest: null }],
      },
      { stage: "revenue", required: true, metrics: [{ metric: "copilot_attach_arr", name: "Copilot add-on ARR", since: "2026-08-03", tracking: "before_launch", latest: null }] },
    ]);
    expect(bp.experiments[1]).toEqual({
      id: "copilot_empty_state",
      name: "Copilot prompt in the empty builder",
      hypothesis: "Copilot prompt in the empty workflow builder. 34% -> 38% (4pp) needs 2,257 new builders per arm: 11 days at 450 a day.",
      metric: "builder_publish_rate",
      metric_name: "New builder publish rate",
      baseline: { value: 34, unit: "percent" },
      expect: null,
      mde: { value: 4, unit: "pp" },
      traffic: { value: 450, unit: "per_day" },
      sample_size: { kind: "proportions", per_arm: 2257, arms: 2, total: 4514, days: 11, alpha: 0.05, power: 0.8 },
      holdout: null,
      status: "running",
    });
  });
});

describe("compile: key-result forms, view context, group agreements", () => {
  const text = `blueprint b "B" { maturity: 3  sales_cycle: 30d  fiscal_year_start: 2023-02 }
team pmm "PMM" { role: pmm }
team sales "Sales" { role: sales }
team lead "Leadership" { role: exec }
source s "S" { kind: crm }
metric lf "Location factor" { type: input  owner: pmm  unit: ratio  direction: down }
metric stage4 "Days in stage 4" { type: input  owner: pmm  unit: duration  direction: down  baseline: 20d from s over 2023-Q2  agreed_by: [pmm] }
okr o "O" {
  owner: pmm
  period: FY2024-Q3
  kr lf: at most 0.61 by FY2024-Q3 { current: 0.6 on 2023-10-01 }
  kr stage4 "Reduce time in stage 4 by 35%": -35% by FY2024-H2 { current: 16d on 2023-10-01 }
  kr soc2 "SOC 2 audit window started": done by FY2024-Q3 { current: pending on 2023-10-01 }
}
dashboard d "D" { view exec "Exec" { audience: [lead]  metrics: [stage4]  context: [lf] } }
review q "Q" { every: quarterly  owner: pmm  last: 2023-10-01  agreed_by: [sales]  definitions: [stage4] }
`;
  it("writes each form with its start, goal and score, fiscal periods as dates, context ids and merged agreement", async () => {
    const { program, diagnostics } = checkWorkspace([{ path: "w.pmm", contents: text }], { today: "2023-10-16" });
    expect(diagnostics.filter((d) => d.rule === "syntax" || d.rule === "invalid-value" || d.rule === "invalid-property")).toEqual([]);
    const bp = compileBlueprint(program, diagnostics, { today: "2023-10-16" });
    expect(await validateBlueprint(JSON.parse(blueprintText(bp)))).toEqual({ ok: true });
    const o = bp.okrs.objectives[0]!;
    expect(o.period).toEqual({ start: "2023-08-01", end: "2023-10-31" });
    expect(o.key_results.map((k) => [k.form, k.metric, k.milestone, k.name, k.bound, k.change, k.start, k.goal, k.done, k.score])).toEqual([
      ["hold", "lf", null, "Location factor", "at_most", null, null, 0.61, null, 1],
      ["change", "stage4", null, "Reduce time in stage 4 by 35%", null, { value: { value: -35, unit: "percent" }, relative: true }, 20, 13, null, 0.5714],
      ["milestone", null, "soc2", "SOC 2 audit window started", null, null, null, null, false, 0],
    ]);
    expect(o.key_results[1]!.by).toEqual({ start: "2023-08-01", end: "2024-01-31" });
    expect(bp.dashboards[0]!.views[0]!.context).toEqual(["lf"]);
    expect(bp.metrics.find((m) => m.id === "stage4")!.agreed_by).toEqual(["pmm", "sales"]);
  });
});
