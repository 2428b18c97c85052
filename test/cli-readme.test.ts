// The README's "Gating pull requests" job is valid YAML and runs what it says.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, pmm, ROOT } from "./fixtures/cli/run-cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Gating pull requests"));

beforeAll(ensureBuilt);

describe("README: gating pull requests", () => {
  it("shows a GitHub Actions job that installs, builds, checks to SARIF and uploads it", () => {
    expect(readme.indexOf("## Gating pull requests")).toBeGreaterThan(0);
    const yaml = /```yaml\n(# \.github\/workflows\/pmm\.yml[\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const workflow = parse(yaml!) as { jobs: { pmm: { steps: { run?: string; uses?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.pmm.steps;
    expect(steps.map((s) => s.run ?? s.uses)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npx -y pnpm@10.34.9 install --frozen-lockfile",
      "npx -y pnpm@10.34.9 build",
      "node packages/cli/dist/pmm.js check --format sarif examples/acme > pmm.sarif",
      "github/codeql-action/upload-sarif@v3",
    ]);
    expect(steps[5]!.with!["sarif_file"]).toBe("pmm.sarif");
    expect(section).toContain("      - run: node packages/cli/dist/pmm.js check --format github examples/acme\n");
  });

  it("the job's check commands pass on the example (at the date the example is written for)", () => {
    const sarif = pmm(["check", "--format", "sarif", "examples/acme", "--today", "2026-11-23"]);
    expect(sarif.code).toBe(0);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
    const github = pmm(["check", "--format", "github", "examples/acme", "--today", "2026-11-23"]);
    expect(github).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});
