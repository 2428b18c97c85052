// The README's CI jobs are valid YAML for a team's repository and run what they say.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { ensureBuilt, pmm, ROOT, workspace } from "./fixtures/cli/run-cli.js";

const readme = readFileSync(join(ROOT, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Gating pull requests"));

beforeAll(ensureBuilt);

describe("README: gating pull requests", () => {
  it("shows a GitHub Actions job for a team repository: npm ci, check to SARIF, upload", () => {
    expect(readme.indexOf("## Gating pull requests")).toBeGreaterThan(0);
    const yaml = /```yaml\n(# \.github\/workflows\/pmm\.yml[\s\S]*?)```/.exec(section)?.[1];
    expect(yaml).toBeDefined();
    const workflow = parse(yaml!) as { jobs: { pmm: { steps: { run?: string; uses?: string; with?: Record<string, string> }[] } } };
    const steps = workflow.jobs.pmm.steps;
    expect(steps.map((s) => s.run ?? s.uses)).toEqual([
      "actions/checkout@v4",
      "actions/setup-node@v4",
      "npm ci",
      "npx --no-install pmm check --format sarif metrics > pmm.sarif",
      "github/codeql-action/upload-sarif@v3",
    ]);
    expect(steps[4]!.with!["sarif_file"]).toBe("pmm.sarif");
    expect(section).toContain("      - run: npx --no-install pmm check --format github metrics\n");
  });

  it("the job's check commands pass on the example (at the date the example is written for)", () => {
    const sarif = pmm(["check", "--format", "sarif", "examples/acme", "--today", "2026-11-23"]);
    expect(sarif.code).toBe(0);
    expect(JSON.parse(sarif.stdout).runs[0].results).toEqual([]);
    const github = pmm(["check", "--format", "github", "examples/acme", "--today", "2026-11-23"]);
    expect(github).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe("README: use pmm in your repository", () => {
  const own = readme.slice(readme.indexOf("## Use pmm in your repository"), readme.indexOf("## Repository layout"));
  const workflow = (title: string) => {
    const yaml = new RegExp("```yaml\\n(# \\.github/workflows/pmm\\.yml \\(" + title + "\\)\\n[\\s\\S]*?)```").exec(own)?.[1];
    expect(yaml, title).toBeDefined();
    return yaml!;
  };

  it("never runs a bare `npx pmm` (it can fetch an unrelated registry package)", () => {
    expect(readme.indexOf("## Use pmm in your repository")).toBeGreaterThan(0);
    const bare = readme.split("\n").filter((l) => /npx (-y |--yes )?pmm\b/.test(l) && !l.includes("a bare"));
    expect(bare).toEqual([]);
  });

  it("the plain npm workflow is what `pmm init --ci github metrics` writes", () => {
    const dir = workspace({ "metrics/main.pmm": "# mine\n" });
    expect(pmm(["init", "metrics", "--ci", "github"], { cwd: dir }).code).toBe(0);
    const written = readFileSync(join(dir, ".github/workflows/pmm.yml"), "utf8");
    expect(parse(workflow("plain npm"))).toEqual(parse(written));
  });

  it("the Action workflow passes only inputs the Action declares", () => {
    const action = parse(readFileSync(join(ROOT, "action.yml"), "utf8")) as { inputs: Record<string, unknown> };
    const job = parse(workflow("with the pmm Action")) as { jobs: { pmm: { steps: { uses?: string; run?: string; with?: Record<string, unknown> }[] } } };
    const steps = job.jobs.pmm.steps;
    expect(steps.map((s) => s.uses ?? s.run)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm ci", "pmm-dev/pmm@v0"]);
    const inputs = Object.keys(steps[3]!.with!);
    expect(inputs.filter((k) => !(k in action.inputs))).toEqual([]);
    expect(inputs).toEqual(["paths", "format", "max-warnings", "upload-sarif"]);
  });

  it("the pre-commit config names hooks that .pre-commit-hooks.yaml defines", () => {
    const hooks = (parse(readFileSync(join(ROOT, ".pre-commit-hooks.yaml"), "utf8")) as { id: string }[]).map((h) => h.id);
    const yaml = /```yaml\n(repos:\n[\s\S]*?)```/.exec(own)?.[1];
    const config = parse(yaml!) as { repos: { hooks: { id: string }[] }[] };
    expect(config.repos[0]!.hooks.map((h) => h.id)).toEqual(hooks);
  });
});
