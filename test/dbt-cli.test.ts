// `pmm export dbt` and `pmm check --dbt-manifest` end to end: the built CLI as a child process.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { isOneLine, onlyRules, pmm, ROOT, useWorkspaces } from "./fixtures/cli/run-cli.js";
import { dbtSchemaErrors } from "./helpers/dbt-schema.js";

const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();
const ACME_MANIFEST = join(ROOT, "test/fixtures/dbt/acme.semantic_manifest.json");

type Doc = { metrics: Array<{ name: string }>; saved_queries?: Array<{ name: string }>; semantic_models?: Array<{ name: string; measures: Array<{ name: string; agg: string }> }> };

describe("pmm export dbt", () => {
  it("writes acme's metrics and saved queries, valid against dbt's schema, and lists what it left out", () => {
    const r = pmm(["export", "dbt", "examples/acme", ...TODAY]);
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as Doc;
    expect(dbtSchemaErrors(doc)).toBeNull();
    expect(doc.metrics.map((m) => m.name)).toEqual(["weekly_active_users", "arr", "deals_won", "qualified_pipeline", "net_revenue_retention", "gross_revenue_retention"]);
    expect(doc.saved_queries!.map((q) => q.name)).toEqual([
      "pmm_metrics_executive",
      "pmm_metrics_pmm_team",
      "pmm_metrics_gtm",
      "pmm_metrics_product_finance",
      "pipeline_pulse",
      "revenue_review",
      "adoption_review",
      "enablement_review",
      "okr_checkin",
      "brand_and_market",
    ]);
    const lines = r.stderr.trimEnd().split("\n");
    expect(lines.filter((l) => l.startsWith("pmm: not exported: "))).toHaveLength(23);
    expect(lines[0]).toBe("pmm: not exported: `workflow_adoption`: it has no `measure` or `formula`");
    expect(lines.filter((l) => !l.startsWith("pmm: not exported: "))).toEqual(["pmm: note: `launch_scorecard`: no saved query: none of its metrics is exported"]);
  });

  it("refuses an empty export with a clear message and exit 1, writing no file", () => {
    const dir = ws({});
    const out = join(dir, "metrics.yml");
    const r = pmm(["export", "dbt", "examples/starter", ...TODAY, "-o", out]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.stderr.trimEnd().split("\n").pop()).toBe(
      "pmm: nothing to export to dbt: none of the workspace's 8 metrics has a `measure` (the dbt measure that computes it) or a `formula` over exported metrics; add a metric with a `measure` (docs/dbt.md)",
    );
    expect(existsSync(out)).toBe(false);
  });

  it("prints the errors that made it refuse, with --force too", () => {
    const dir = ws({
      "pmm.config.yaml": onlyRules("unknown-reference"),
      "a.pmm": 'team t "T" { role: pmm }\nmetric deals "Deals" { type: input  owner: nobody  measure: "deals_count" }\n',
    });
    const refused = pmm(["export", "dbt", ...TODAY], { cwd: dir });
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error[unknown-reference]: unknown team `nobody`");
    expect(refused.stderr.endsWith("pmm: 1 error in the workspace; fix them, or pass --force to write the output anyway\n")).toBe(true);
    const forced = pmm(["export", "dbt", ...TODAY, "--force"], { cwd: dir });
    expect(forced.code).toBe(0);
    expect(forced.stderr).toContain("error[unknown-reference]: unknown team `nobody`");
    expect(forced.stderr.endsWith("pmm: 1 error in the workspace; writing the output anyway (--force)\n")).toBe(true);
    expect((parse(forced.stdout) as Doc).metrics.map((m) => m.name)).toEqual(["deals"]);
  });

  it("writes stub semantic models for the measures the manifest lacks", () => {
    // Without --semantic-models the measure the manifest lacks is an error that refuses the export.
    const refused = pmm(["export", "dbt", "examples/acme", ...TODAY, "--dbt-manifest", ACME_MANIFEST]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("error[dbt-drift]: no semantic model in the dbt project defines measure `grr_trailing_12m`");
    const r = pmm(["export", "dbt", "examples/acme", ...TODAY, "--semantic-models", "--dbt-manifest", ACME_MANIFEST]);
    expect(r.code).toBe(0);
    const doc = parse(r.stdout) as Doc;
    expect(dbtSchemaErrors(doc)).toBeNull();
    expect(doc.semantic_models!.map((m) => [m.name, m.measures.map((x) => [x.name, x.agg])])).toEqual([["warehouse", [["grr_trailing_12m", "average"]]]]);
  });

  it("exports a 2,000-long inputs chain (the blueprint's constellation overflowed the stack here)", () => {
    let text = 'team t "T" { role: pmm }\n';
    for (let i = 0; i < 2000; i++) text += `metric m${i} "M ${i}" { type: output  dimension: retention  owner: t  measure: "m_${i}"${i < 1999 ? `  inputs: [m${i + 1}]` : ""} }\n`;
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "chain.pmm": text });
    const r = pmm(["export", "dbt", ...TODAY], { cwd: dir });
    expect([r.code, r.stderr]).toEqual([0, ""]);
    expect((parse(r.stdout) as Doc).metrics).toHaveLength(2000);
  });
});

describe("pmm check --dbt-manifest", () => {
  const ACME_FINDINGS = [
    {
      file: "examples/acme/blueprint.pmm",
      line: 10,
      severity: "info",
      message:
        "23 of 29 metrics are left out of `pmm export dbt`: `workflow_adoption`, `accounts_automating`, `builder_publish_rate`, `time_to_value`, `copilot_trials` and 18 more; an exported metric needs a `measure` (the dbt measure that computes it) or a `formula` over exported metrics",
    },
    {
      file: "examples/acme/metrics/retention.pmm",
      line: 37,
      severity: "error",
      message:
        "no semantic model in the dbt project defines measure `grr_trailing_12m`, so dbt refuses the exported `gross_revenue_retention`; add the measure to a semantic model, or write the name of one dbt has; did you mean `nrr_trailing_12m`?",
    },
  ];

  function findings(stdout: string) {
    const doc = JSON.parse(stdout) as { diagnostics: Array<{ file: string | null; rule: string; severity: string; message: string; start: { line: number } | null }> };
    return doc.diagnostics.filter((d) => d.rule === "dbt-drift").map((d) => ({ file: d.file, line: d.start?.line, severity: d.severity, message: d.message }));
  }

  it("reports acme's measure the dbt project lacks, with file and line, and exits 1", () => {
    const r = pmm(["check", "examples/acme", ...TODAY, "--format", "json", "--dbt-manifest", ACME_MANIFEST]);
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(ACME_FINDINGS);
  });

  it("reports missing measures, name collisions and aggregation mismatches with file and line", () => {
    const dir = join(ROOT, "packages/core/fixtures/rules/dbt-drift/invalid");
    const r = pmm(["check", join(dir, "drift.pmm"), ...TODAY, "--format", "json", "--dbt-manifest", join(dir, "drift.semantic_manifest.json")]);
    expect(r.code).toBe(1);
    // The count of metrics left out is a workspace finding: this file has no blueprint to sit on.
    const got = findings(r.stdout).map((f) => `${f.file === null ? "workspace" : `${f.file.split("/").pop()}:${f.line}`} ${f.severity} ${f.message.slice(0, 60)}`);
    expect(got).toEqual([
      "workspace info 1 of 9 metrics are left out of `pmm export dbt`: `brand`; an",
      "drift.pmm:4 error no semantic model in the dbt project defines measure `deal_w",
      "drift.pmm:7 error the dbt project already defines metric `win_rate` (a simple ",
      "drift.pmm:7 error `win_rate` is a rate, but measure `win_rate_pct` aggregates ",
      "drift.pmm:10 error measure `arr_balance` is a snapshot (it has a `non_additive_",
      "drift.pmm:13 error `signups` is `cumulative`, but measure `signups_avg` aggrega",
      "drift.pmm:16 error the dbt project already defines metric `pipeline` as a simpl",
      "drift.pmm:19 warning the dbt project holds an older export of `nrr` (a simple met",
      "drift.pmm:25 error `mrr` has `cadence: weekly`, exported as `time_granularity: ",
      "drift.pmm:28 error `mrr_doubled` has `cadence: daily`, exported as `time_granul",
    ]);
  });

  it("reads `dbt_manifest` from the config, relative to the config's folder", () => {
    const dir = ws({
      "pmm.config.yaml": `${readFileSync(join(ROOT, "examples/acme/pmm.config.yaml"), "utf8")}\ndbt_manifest: dbt/target/semantic_manifest.json\n`,
      "dbt/target/semantic_manifest.json": readFileSync(ACME_MANIFEST, "utf8"),
      ...Object.fromEntries(
        ["attribution", "blueprint", "cadence", "dashboards", "experiments", "launches", "okrs", "sources", "teams", "tradeoffs", "workstreams"].map((n) => [
          `${n}.pmm`,
          readFileSync(join(ROOT, `examples/acme/${n}.pmm`), "utf8"),
        ]),
      ),
      ...Object.fromEntries(
        ["engagement", "monetization", "pipeline", "retention"].map((n) => [`metrics/${n}.pmm`, readFileSync(join(ROOT, `examples/acme/metrics/${n}.pmm`), "utf8")]),
      ),
    });
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(findings(r.stdout)).toEqual(ACME_FINDINGS.map((f) => ({ ...f, file: f.file.replace("examples/acme/", "") })));
  });

  it("names a config's `dbt_manifest` that is missing by its path from the current folder", () => {
    const dir = ws({ "pmm.config.yaml": "dbt_manifest: dbt/target/semantic_manifest.json\n", "a.pmm": 'team t "T" { role: pmm }\n' });
    const r = pmm(["check", ...TODAY], { cwd: dir });
    expect([r.code, r.stdout, r.stderr]).toEqual([
      2,
      "",
      "pmm: dbt/target/semantic_manifest.json: no such dbt manifest file (run `dbt parse` to write target/semantic_manifest.json)\n",
    ]);
  });

  it("says what is wrong with a bad manifest, with its path, in one line (exit 2)", () => {
    const dir = ws({ "bad.json": "{ nope", "dag.json": '{ "nodes": {} }', "folder/x": "" });
    const cases: Array<[string, string]> = [
      ["missing.json", "pmm: missing.json: no such dbt manifest file (run `dbt parse` to write target/semantic_manifest.json)\n"],
      ["folder", "pmm: folder: it is a folder, not a file\n"],
      // A device is never read (it would not end).
      ["/dev/zero", "pmm: /dev/zero: not a regular file (a device, FIFO or socket); pmm reads only regular files\n"],
      ["bad.json", "pmm: bad.json: not JSON: expected property name or '}' in JSON at position 2\n"],
      [
        "dag.json",
        "pmm: dag.json: not a dbt semantic manifest: `semantic_models` is missing or not a list (write it with `dbt parse`, which saves `target/semantic_manifest.json`)\n",
      ],
    ];
    for (const [path, message] of cases) {
      const r = pmm(["check", join(ROOT, "examples/acme"), ...TODAY, "--dbt-manifest", path], { cwd: dir });
      expect([r.code, r.stdout, r.stderr]).toEqual([2, "", message]);
      expect(isOneLine(r.stderr)).toBe(true);
    }
  });
});
