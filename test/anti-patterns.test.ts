// examples/anti-patterns commits the playbook's failure modes on purpose: this
// pins its exact diagnostics (rule, file, line:column, declaration, message).
// UPDATE=1 rewrites the expectation; a reviewer reads the diff.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, pmm, ROOT } from "./fixtures/cli/run-cli.js";

const EXPECTED = join(ROOT, "test/fixtures/anti-patterns/expected.txt");

beforeAll(ensureBuilt);

describe("examples/anti-patterns", () => {
  it("reports exactly the pinned findings and exits 1", () => {
    const r = pmm(["check", "examples/anti-patterns", "--format", "json"], { cwd: ROOT });
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as {
      diagnostics: Array<{ file: string; rule: string; severity: string; message: string; declaration: string | null; start: { line: number; column: number } }>;
    };
    const lines = out.diagnostics.map((d) => `${d.file}:${d.start.line}:${d.start.column} ${d.severity} ${d.rule} [${d.declaration ?? "-"}] ${d.message}`);
    if (process.env["UPDATE"] === "1") writeFileSync(EXPECTED, `${lines.join("\n")}\n`);
    expect(lines).toEqual(
      readFileSync(EXPECTED, "utf8")
        .split("\n")
        .filter((l) => l !== ""),
    );
  });

  it("commits a finding of every playbook failure mode it claims to", () => {
    const r = pmm(["check", "examples/anti-patterns", "--format", "json"], { cwd: ROOT });
    const rules = new Set((JSON.parse(r.stdout) as { diagnostics: Array<{ rule: string }> }).diagnostics.map((d) => d.rule));
    // F1 F2 F3 F4 F5 F6 F7 F8 F9 F10 F11 F12 F13, and the gates G1–G9
    for (const rule of [
      "north-star-fixation",
      "constellation-coverage",
      "output-has-inputs",
      "vanity-metric",
      "composite-metric",
      "launch-tracking-before",
      "attribution-missing",
      "kpi-count",
      "definition-conflict",
      "long-term-balance",
      "stale-review",
      "review-cycle",
      "single-source-of-truth",
      "rate-needs-count",
      "experiment-holdout",
      "experiment-sample-size",
      "kpi-traceability",
      "input-actionable",
      "tradeoff-monitored",
      "source-freshness",
      "baseline-historical",
      "shared-definition",
      "report-before-meeting",
    ]) {
      expect(rules, rule).toContain(rule);
    }
  });
});
