// The benchmark workspace generator (test/bench/generate.mjs): exact sizes,
// determinism, the KPI limits, the YAML/JSON twins against their JSON Schema,
// and self-checks of the rules a generated workspace must satisfy. When the
// CLI is built, the generated workspace must also check clean.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import AjvModule from "ajv";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { generate, type Generated, type GeneratedFile as TextFile } from "./bench/generate.mjs";

type Doc = Record<string, unknown>;
type Rec = Record<string, unknown> & { id?: string };

// ajv is CommonJS; under NodeNext its class is the default export's `default`.
const Ajv = AjvModule.default;
const gen = generate;
const ROOT = fileURLToPath(new URL("..", import.meta.url));
const CLI = join(ROOT, "packages/cli/dist/pmm.js");

const VANITY =
  /\b(hits|page views|pageviews|visits|visitors|sessions|followers|likes|impressions|downloads|registered users|time on site|pages per visit|emails collected|cumulative|total to date)\b/i;
const RATE = /\b(rate|conversion)\b/i;

function bytes(list: TextFile[]): number {
  return list.reduce((a, f) => a + Buffer.byteLength(f.text), 0);
}

function docsOf(g: Generated): Doc[] {
  return g.json.map((f) => JSON.parse(f.text) as Doc);
}

function all(docs: Doc[], key: string): Rec[] {
  return docs.flatMap((d) => (d[key] as Rec[] | undefined) ?? []);
}

function formulaTerms(m: Rec): string[] {
  return typeof m.formula === "string" ? m.formula.split(" + ") : [];
}

describe.each([1000, 200])("generate({ metrics: %i })", (n) => {
  let g: Generated;
  let docs: Doc[];
  beforeAll(() => {
    g = gen({ metrics: n, seed: 1 });
    docs = docsOf(g);
  });

  it("has exactly N metrics in about N/20 files", () => {
    expect(g.stats.metrics).toBe(n);
    const declared = g.files.reduce((a, f) => a + (f.text.match(/^metric /gm)?.length ?? 0), 0);
    expect(declared).toBe(n);
    expect(all(docs, "metrics")).toHaveLength(n);
    expect(g.files).toHaveLength(Math.ceil(n / 20));
    expect(g.stats.files).toBe(g.files.length);
    expect(g.yaml).toHaveLength(g.files.length);
    expect(g.json).toHaveLength(g.files.length);
    expect(new Set(g.files.map((f) => f.path)).size).toBe(g.files.length);
    expect(g.stats.propertiesPerMetric).toBeGreaterThan(13);
    expect(g.stats.propertiesPerMetric).toBeLessThan(17);
  });

  it("keeps KPIs under 50, in workstreams of 3-7, and every KR and view metric is one of them", () => {
    const kpis = new Set(all(docs, "workstreams").flatMap((w) => w.kpis as string[]));
    for (const w of all(docs, "workstreams")) {
      expect((w.kpis as string[]).length).toBeGreaterThanOrEqual(3);
      expect((w.kpis as string[]).length).toBeLessThanOrEqual(7);
    }
    for (const o of all(docs, "okrs")) {
      const krs = o.krs as Rec[];
      expect(krs.length).toBeGreaterThanOrEqual(2);
      expect(krs.length).toBeLessThanOrEqual(5);
      for (const kr of krs) expect(kpis.has(kr.metric as string)).toBe(true);
    }
    const views = all(docs, "dashboards").flatMap((d) => d.views as Rec[]);
    for (const v of views) for (const m of v.metrics as string[]) expect(kpis.has(m)).toBe(true);
    expect(kpis.size).toBe(g.stats.kpis);
    expect(kpis.size).toBeLessThanOrEqual(49);
    // maturity-fit: no more KPIs than 10 x maturity.
    const bp = docs.find((d) => d.blueprint)!.blueprint as Rec;
    expect(kpis.size).toBeLessThanOrEqual(10 * (bp.maturity as number));
    const exec = views.find((v) => (v.audience as string[]).includes("leadership"))!;
    expect((exec.metrics as string[]).length).toBeLessThanOrEqual(7);
  });

  it("satisfies the workspace rules it was designed for", () => {
    const metrics = all(docs, "metrics");
    const byId = new Map(metrics.map((m) => [m.id!, m]));
    const teams = new Map(all(docs, "teams").map((t) => [t.id!, t]));
    const sources = new Map(all(docs, "sources").map((s) => [s.id!, s]));
    const kpis = new Set(all(docs, "workstreams").flatMap((w) => w.kpis as string[]));
    const reports = all(docs, "reports");
    const views = all(docs, "dashboards").flatMap((d) => d.views as Rec[]);

    // Unique ids across every kind; unique display names and aliases (definition-conflict).
    const ids = ["teams", "sources", "workstreams", "metrics", "okrs", "attributions", "launches", "forums", "reports", "dashboards", "reviews"].flatMap((k) =>
      all(docs, k).map((d) => d.id),
    );
    expect(new Set(ids).size).toBe(ids.length);
    const names = metrics.flatMap((m) => [m.name as string, ...((m.aliases as string[] | undefined) ?? [])]).map((s) => s.toLowerCase());
    expect(new Set(names).size).toBe(names.length);

    const referenced = new Set<string>();
    const ref = (id: string, table: Map<string, unknown>) => {
      expect(table.has(id), id).toBe(true);
      referenced.add(id);
    };
    for (const m of metrics) {
      ref(m.owner as string, teams);
      ref(m.source as string, sources);
      expect(m.cadence).toBe("weekly");
      for (const t of formulaTerms(m)) {
        ref(t, byId);
        expect(byId.get(t)!.unit, `${m.id} + ${t}`).toBe(m.unit); // composite-metric
      }
      for (const i of (m.inputs as string[] | undefined) ?? []) ref(i, byId);
      if (m.count) ref(m.count as string, byId);
      if (m.type === "output") {
        expect((m.inputs as string[]).length).toBeGreaterThan(0); // output-has-inputs
        expect(m.dimension).toBeDefined();
      } else {
        expect((m.levers as string[]).length).toBeGreaterThan(0); // input-actionable
        expect((teams.get(m.owner as string) as Rec).role).not.toBe("exec");
      }
      expect(m.name as string).not.toMatch(VANITY);
      expect(m.definition as string).not.toMatch(VANITY);
      if (RATE.test(m.name as string)) {
        // rate-needs-count: the count companion sits on a report that shows the rate.
        expect(m.count).toBeDefined();
        expect(reports.some((r) => (r.metrics as string[]).includes(m.id!) && (r.metrics as string[]).includes(m.count as string))).toBe(true);
      }
      if (m.baseline && m.target) {
        const b = (m.baseline as Rec).value as number;
        const t = (m.target as Rec).value as number;
        expect(m.direction === "up" ? t > b : t < b, `${m.id} target direction`).toBe(true);
        expect((m.baseline as Rec).from).toBeDefined();
      }
    }
    // KPIs carry every property the brief asks for.
    for (const k of kpis) {
      const m = byId.get(k)!;
      for (const p of ["type", "owner", "source", "definition", "traces", "unit", "direction", "agreed_by", "baseline", "target", "cadence", "horizon"])
        expect(m[p], `${k}.${p}`).toBeDefined();
      expect(m.agreed_by).toEqual(["sales", "product", "finance"]);
      expect((m.baseline as Rec).over).toBe("2025-Q3");
      expect((m.target as Rec).by).toBe("2026-Q4");
      expect(
        reports.some((r) => (r.metrics as string[]).includes(k)),
        `${k} reviewed`,
      ).toBe(true);
    }
    expect([...kpis].some((k) => byId.get(k)!.horizon === "long")).toBe(true);
    const dims = new Set(metrics.filter((m) => m.type === "output").map((m) => m.dimension));
    expect([...dims].sort()).toEqual(["engagement", "monetization", "retention"]);

    // tradeoff-monitored: every output KPI is on a pair; a group showing a primary shows its guard.
    const pairs = all(docs, "tradeoffs");
    for (const m of metrics.filter((x) => x.type === "output"))
      expect(
        pairs.some((p) => p.primary === m.id || p.guard === m.id),
        `${m.id} on a tradeoff`,
      ).toBe(true);
    for (const group of [...reports, ...views]) {
      const shown = group.metrics as string[];
      for (const p of pairs) if (shown.includes(p.primary as string)) expect(shown, `${group.id} shows ${p.primary}`).toContain(p.guard);
    }

    // Formulas are acyclic, and the trees are deep.
    const state = new Map<string, number>();
    const visit = (id: string): void => {
      if (state.get(id) === 2) return;
      expect(state.get(id), `cycle through ${id}`).not.toBe(1);
      state.set(id, 1);
      for (const t of formulaTerms(byId.get(id)!)) visit(t);
      state.set(id, 2);
    };
    for (const m of metrics) visit(m.id!);
    expect(g.stats.maxDepth).toBeGreaterThanOrEqual(n >= 1000 ? 4 : 2);

    // No unused metric, source or team.
    for (const w of all(docs, "workstreams")) [...(w.kpis as string[])].forEach((k) => referenced.add(k));
    for (const r of reports) (r.metrics as string[]).forEach((k) => referenced.add(k));
    for (const d of all(docs, "dashboards")) referenced.add(d.source as string);
    for (const v of views) (v.audience as string[]).forEach((t) => referenced.add(t));
    for (const f of all(docs, "forums")) (f.audience as string[]).forEach((t) => referenced.add(t));
    for (const s of sources.values() as Iterable<Rec>) if (s.feeds) referenced.add(s.feeds as string);
    for (const w of all(docs, "workstreams")) referenced.add(w.owner as string);
    for (const o of all(docs, "okrs")) referenced.add(o.owner as string);
    for (const id of [...byId.keys(), ...teams.keys(), ...sources.keys()]) expect(referenced.has(id), `${id} is referenced`).toBe(true);
  });

  it("has YAML and JSON twins that parse to the same documents and validate against the schema", () => {
    const ajv = new Ajv({ strict: true, allErrors: true });
    const validate = ajv.compile(g.jsonSchema);
    for (let i = 0; i < g.json.length; i++) {
      const fromJson = docs[i];
      const fromYaml = parseYaml(g.yaml[i].text) as Doc;
      expect(fromYaml, g.yaml[i].path).toEqual(fromJson);
      expect(validate(fromJson), `${g.json[i].path}: ${ajv.errorsText(validate.errors)}`).toBe(true);
      expect(validate(fromYaml)).toBe(true);
    }
    // The schema is strict: a wrong enum, an unknown property or a variant's property fails.
    const metric = structuredClone(all(docs, "metrics")[0]);
    expect(validate({ metrics: [{ ...metric, unit: "dollars" }] })).toBe(false);
    expect(validate({ metrics: [{ ...metric, colour: "red" }] })).toBe(false);
    expect(validate({ metrics: [{ ...metric, type: "output", levers: ["x"] }] })).toBe(false);
    expect(validate({ metrics: [{ ...metric, type: "input", levers: ["x"], inputs: ["a"] }] })).toBe(false);
    expect(validate({ teams: [{ id: "t" }] })).toBe(false);
  });
});

describe("generate determinism and scale", () => {
  it("returns the same bytes for the same seed, and different bytes for another", () => {
    const a = gen({ metrics: 500, seed: 7 });
    const b = gen({ metrics: 500, seed: 7 });
    const c = gen({ metrics: 500, seed: 8 });
    expect(JSON.stringify([a.files, a.yaml, a.json])).toBe(JSON.stringify([b.files, b.yaml, b.json]));
    expect(JSON.stringify(a.files)).not.toBe(JSON.stringify(c.files));
    expect(c.stats.metrics).toBe(500);
  });

  it("rejects workspaces too small to lay out", () => {
    expect(() => gen({ metrics: 10 })).toThrow(RangeError);
  });

  it("writes roughly 3-5 MB of .pmm for 10,000 metrics", () => {
    const g = gen({ metrics: 10000 });
    expect(g.stats.metrics).toBe(10000);
    expect(g.files).toHaveLength(500);
    const pmm = bytes(g.files);
    expect(pmm).toBeGreaterThan(3e6);
    expect(pmm).toBeLessThan(5.2e6);
    expect(g.stats.kpis).toBeLessThanOrEqual(49);
    expect(g.stats.maxDepth).toBeGreaterThanOrEqual(5);
  });

  it("works as a CLI", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmm-bench-gen-"));
    try {
      const out = execFileSync(process.execPath, [join(ROOT, "test/bench/generate.mjs"), "--metrics", "100", "--out", dir], { encoding: "utf8" });
      expect(out).toMatch(/generated 100 metrics in 5 files/);
      for (const sub of ["pmm", "yaml", "json"]) expect(existsSync(join(dir, sub))).toBe(true);
      expect(existsSync(join(dir, "schema.json"))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe.skipIf(!existsSync(CLI))("a generated workspace under `pmm check`", () => {
  it("has no findings with --today 2026-11-23", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmm-bench-check-"));
    try {
      execFileSync(process.execPath, [join(ROOT, "test/bench/generate.mjs"), "--metrics", "1000", "--out", dir]);
      const r = spawnSync(process.execPath, [CLI, "check", join(dir, "pmm"), "--today", "2026-11-23", "--format", "json"], { encoding: "utf8", cwd: dir });
      const report = JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string; severity: string; message: string; file: string }>; counts: Record<string, number> };
      const shown = report.diagnostics.slice(0, 20).map((d) => `${d.severity} ${d.rule} ${d.file}: ${d.message}`);
      expect(report.counts.error, shown.join("\n")).toBe(0);
      expect(report.counts.warning, shown.join("\n")).toBe(0);
      expect(report.diagnostics, shown.join("\n")).toEqual([]);
      expect(r.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
