// `pmm compile`, `pmm schema` and `pmm diff` end to end (`pmm export dbt`: dbt-cli.test.ts): the built CLI as a child process.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import addFormatsModule from "ajv-formats";
import { Ajv2020 } from "ajv/dist/2020.js";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { isOneLine, onlyRules, pmm, ROOT, useWorkspaces } from "./fixtures/cli/run-cli.js";

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();

const BROKEN = {
  "pmm.config.yaml": onlyRules("unknown-reference"),
  "a.pmm": 'team t "T" { role: pmm }\nmetric m "M" { type: input  owner: nobody }\n',
};

describe("pmm compile", () => {
  it("compiles examples/acme to a blueprint valid against `pmm schema`, byte-identical on repeated runs", () => {
    const schema = pmm(["schema"]);
    expect(schema.code).toBe(0);
    const ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(schema.stdout) as object);
    const a = pmm(["compile", "examples/acme", ...TODAY]);
    const b = pmm(["compile", "examples/acme", ...TODAY]);
    expect(a.code).toBe(0);
    expect(a.stderr).toBe("");
    expect(b.stdout).toBe(a.stdout);
    const bp = JSON.parse(a.stdout) as { today: string; diagnostics: { counts: Record<string, number> } };
    expect(validate(bp), JSON.stringify(validate.errors)).toBe(true);
    expect(bp.today).toBe("2026-11-23");
    expect(bp.diagnostics.counts).toEqual({ error: 0, warning: 0, info: 0, hint: 0 });
    expect(schema.stdout).toBe(readFileSync(join(ROOT, "docs/blueprint.schema.json"), "utf8"));
  });

  it("writes -o FILE and prints nothing", () => {
    const dir = ws({});
    const out = join(dir, "blueprint.json");
    const r = pmm(["compile", "examples/acme", ...TODAY, "-o", out]);
    expect([r.code, r.stdout, r.stderr]).toEqual([0, "", ""]);
    expect(readFileSync(out, "utf8")).toBe(pmm(["compile", "examples/acme", ...TODAY]).stdout);
  });

  it("refuses with exit 1 while errors remain, and writes with --force", () => {
    const dir = ws(BROKEN);
    const r = pmm(["compile", ...TODAY], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr).toContain("unknown team `nobody`");
    expect(r.stderr.endsWith("pmm: 1 error in the workspace; fix them, or pass --force to write the output anyway\n")).toBe(true);
    const forced = pmm(["compile", ...TODAY, "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    const bp = JSON.parse(forced.stdout) as { diagnostics: { counts: { error: number }; by_rule: Record<string, number> }; metrics: Array<{ owner: string | null }> };
    expect(bp.diagnostics.counts.error).toBe(1);
    expect(bp.diagnostics.by_rule).toEqual({ "unknown-reference": 1 });
    expect(bp.metrics[0]!.owner).toBeNull();
  });

  it("carries a date only when --today or the config's `today` gives one", () => {
    const dir = ws({ "a.pmm": 'team t "T" { role: pmm }\n' });
    const r = pmm(["compile", "--force"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('"today"');
    // examples/acme's pmm.config.yaml sets `today: 2026-11-23`.
    expect(pmm(["compile", "examples/acme"]).stdout).toContain('  "today": "2026-11-23",\n');
  });
});

describe("pmm diff", () => {
  it("prints markdown for two blueprints and exits 0", () => {
    const dir = ws({});
    const before = join(dir, "old.json");
    const after = join(dir, "new.json");
    const ws1 = ws({ "a.pmm": 'team t "T" { role: pmm }\nmetric m "M" { type: input  owner: t  target: 10 by 2026-Q4 }\n' });
    const ws2 = ws({ "a.pmm": 'team t "T" { role: pmm }\nmetric m "M" { type: input  owner: t  target: 12 by 2026-Q4 }\nmetric n "N" { type: input  owner: t }\n' });
    expect(pmm(["compile", ws1, ...TODAY, "--force", "-o", before]).code).toBe(0);
    expect(pmm(["compile", ws2, ...TODAY, "--force", "-o", after]).code).toBe(0);
    const r = pmm(["diff", before, after]);
    expect(r).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "## pmm blueprint changes",
        "",
        "1 metric added, 1 target moved, 2 rules newly failing.",
        "",
        "### Metrics added",
        "",
        "- `n` (N)",
        "",
        "### Targets moved",
        "",
        "- `m` (M): 10 by 2026-Q4 → 12 by 2026-Q4",
        "",
        "### Rules newly failing",
        "",
        "| rule | before | after |",
        "|---|---:|---:|",
        "| `input-actionable` | 1 | 2 |",
        "| `unused-declaration` | 1 | 2 |",
        "",
      ].join("\n"),
    });
  });

  it("exits 2 with one line for a missing file, invalid JSON, or JSON that is not a blueprint", () => {
    const dir = ws({ "bad.json": "{ nope", "other.json": '{ "a": 1 }' });
    const ok = join(dir, "ok.json");
    expect(pmm(["compile", "examples/acme", ...TODAY, "-o", ok]).code).toBe(0);
    for (const [file, message] of [
      ["missing.json", "missing.json: no such file"],
      ["bad.json", "bad.json: not valid JSON: "],
      ["other.json", "other.json: not a pmm blueprint (/: must have required property '$schema'); compile it with `pmm compile`"],
    ] as const) {
      const r = pmm(["diff", "ok.json", file], { cwd: dir });
      expect(r.code).toBe(2);
      expect(r.stdout).toBe("");
      expect(isOneLine(r.stderr)).toBe(true);
      expect(r.stderr.startsWith(`pmm: ${message}`)).toBe(true);
    }
  });
});

describe("README: compiling for dashboards", () => {
  it("shows a valid workflow that compiles both sides and posts `pmm diff` as a PR comment", () => {
    const readme = readFileSync(join(ROOT, "README.md"), "utf8");
    const section = readme.slice(readme.indexOf("## Compiling for dashboards"));
    const yaml = /```yaml\n(# \.github\/workflows\/pmm-diff\.yml[\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const workflow = parse(yaml!) as { on: string; jobs: { diff: { steps: Array<{ run?: string; uses?: string }> } } };
    expect(workflow.on).toBe("pull_request");
    const runs = workflow.jobs.diff.steps.map((s) => s.run ?? s.uses ?? "");
    expect(runs).toContain("npx --no-install pmm diff /tmp/old.json /tmp/new.json > /tmp/diff.md");
    expect(runs).toContain("npm ci");
    expect(runs.some((r) => r.startsWith("gh pr comment") && r.includes("--body-file /tmp/diff.md"))).toBe(true);
  });
});

describe("--readings", () => {
  it("puts acme's 13 weeks of readings into the blueprint and the page", () => {
    const c = pmm(["compile", "examples/acme", ...TODAY, "--readings", "examples/acme/readings.csv"]);
    expect([c.code, c.stderr]).toEqual([0, ""]);
    const bp = JSON.parse(c.stdout) as { readings: { grain: string; series: Array<{ metric: string; points: unknown[] }> }; targets: Array<{ metric: string; latest: unknown }> };
    expect(bp.readings.grain).toBe("week");
    expect(bp.readings.series.map((s) => s.points.length)).toEqual(Array(27).fill(13));
    expect(bp.targets.find((t) => t.metric === "arr")!.latest).toEqual({ date: "2026-11-16", value: { value: 41_600_000, unit: "currency", currency: "USD" } });
    const r = pmm(["render", "examples/acme", ...TODAY, "--readings", "examples/acme/readings.csv"]);
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect(r.stdout.match(/<svg class="sparkline"/g)).toHaveLength(24);
  });

  it("prints every problem as FILE:LINE:COL and exits 2 without output; JSON positions too", () => {
    const dir = ws({
      "a.pmm": 'team t "T" { role: pmm }\nmetric wau "WAU" { type: output  dimension: engagement  unit: count  owner: t }\n',
      "r.csv": "metric_time__week,wau,wua\n2026-09-07,12%,1\n2026-09-07,3,1\n",
      "r.json": '[{"metric_time__week": "2026-09-07", "wau": "many"}]',
    });
    const c = pmm(["render", ".", ...TODAY, "--readings", "r.csv", "-o", "out.html"], { cwd: dir });
    expect(c).toEqual({
      code: 2,
      stdout: "",
      stderr:
        "r.csv:1:23: column `wua` names no metric of the workspace; did you mean `wau`?\n" +
        "r.csv:2:12: `12%` is a percentage but metric `wau` is measured in count; write the reading in the metric's unit, or correct the metric's `unit`\n" +
        "r.csv:3:1: 2026-09-07 appears twice (first on line 2); keep one row per period\n" +
        "pmm: r.csv: 3 problems in the readings; fix them and run again\n",
    });
    expect(() => readFileSync(join(dir, "out.html"))).toThrow();
    const j = pmm(["render", ".", ...TODAY, "--readings", "r.json"], { cwd: dir });
    expect([j.code, j.stdout, j.stderr]).toEqual([
      2,
      "",
      "r.json:1:45: `many` in column `wau` is not a number; write a number such as 12.4 (or leave the cell empty for no reading)\npmm: r.json: 1 problem in the readings; fix them and run again\n",
    ]);
  });

  it("refuses a missing file, a folder, a device and invalid UTF-8 with one line, exit 2", () => {
    const dir = ws({ "a.pmm": 'team t "T" { role: pmm }\n', "bad.csv": new Uint8Array([0x6d, 0xff, 0x0a]), "sub/x.pmm": "" });
    const run = (file: string): [number, string] => {
      const r = pmm(["render", "a.pmm", ...TODAY, "--readings", file], { cwd: dir });
      expect(r.stdout).toBe("");
      return [r.code, r.stderr];
    };
    expect(run("none.csv")).toEqual([2, "pmm: none.csv: no such file\n"]);
    expect(run("sub")).toEqual([2, "pmm: sub: it is a folder, not a file\n"]);
    expect(run("/dev/zero")).toEqual([2, "pmm: /dev/zero: not a regular file (a device, FIFO or socket); pmm reads only regular files\n"]);
    expect(run("bad.csv")).toEqual([2, "pmm: bad.csv: the readings are not valid UTF-8; export them as UTF-8\n"]);
  });
});

describe("--readings with many problems", () => {
  it("prints the first 100 and how many more", () => {
    const rows = Array.from({ length: 150 }, (_, i) => `2026-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")},x`);
    const dir = ws({
      "a.pmm": 'team t "T" { role: pmm }\nmetric wau "WAU" { type: input  unit: count  owner: t  levers: ["l"] }\n',
      "r.csv": `metric_time__day,wau\n${rows.join("\n")}\n`,
    });
    const r = pmm(["render", ".", ...TODAY, "--readings", "r.csv"], { cwd: dir });
    const lines = r.stderr.trimEnd().split("\n");
    expect([r.code, r.stdout, lines.length]).toEqual([2, "", 102]);
    expect(lines[0]).toBe("r.csv:2:12: `x` in column `wau` is not a number; write a number such as 12.4 (or leave the cell empty for no reading)");
    expect(lines.slice(100)).toEqual(["r.csv: … and 50 more", "pmm: r.csv: 150 problems in the readings; fix them and run again"]);
  });
});
