// `pmm init` end to end: the built CLI as a child process.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { isOneLine, pmm, useWorkspaces } from "./fixtures/cli/run-cli.js";

const makeWorkspace = useWorkspaces();
const ws = (files: Record<string, string> = {}): string => makeWorkspace(files);

const TODAY = "2026-11-23";

describe("pmm init", () => {
  for (const maturity of ["1", "3", "5"]) {
    for (const cycle of ["10d", "200d"]) {
      it(`maturity ${maturity}, cycle ${cycle}: writes a workspace that checks clean and is formatted`, () => {
        const dir = ws();
        const r = pmm(["init", "team", "--maturity", maturity, "--cycle", cycle, "--today", TODAY], { cwd: dir });
        expect(r.code).toBe(0);
        expect(r.stderr).toBe("");
        expect(r.stdout).toContain("created team/blueprint.pmm\n");
        const c = pmm(["check", "team", "--today", TODAY, "--format", "json"], { cwd: dir });
        expect(JSON.parse(c.stdout)).toEqual({ version: 1, diagnostics: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } });
        expect(c.code).toBe(0);
        expect(pmm(["fmt", "--check", "team"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
        expect(readFileSync(join(dir, "team/blueprint.pmm"), "utf8")).toContain(`  maturity: ${maturity}\n`);
        expect(existsSync(join(dir, "team/experiments.pmm"))).toBe(maturity !== "1");
      });
    }
  }

  it("defaults to maturity 2, a 45d cycle and the current folder", () => {
    const dir = ws();
    const r = pmm(["init", "--today", TODAY], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout.split("\n").slice(0, 10)).toEqual([
      "created blueprint.pmm",
      "created teams.pmm",
      "created sources.pmm",
      "created metrics.pmm",
      "created workstreams.pmm",
      "created okrs.pmm",
      "created attribution.pmm",
      "created cadence.pmm",
      "created review.pmm",
      "created experiments.pmm",
    ]);
    const bp = readFileSync(join(dir, "blueprint.pmm"), "utf8");
    expect(bp).toContain("  maturity: 2\n");
    expect(bp).toContain("  sales_cycle: 45d\n");
    expect(readFileSync(join(dir, "attribution.pmm"), "utf8")).toContain("  models: [self_reported, incrementality]\n");
  });

  it("refuses to overwrite: exit 2, one line naming the file, nothing written", () => {
    const dir = ws({ "w/okrs.pmm": "# mine\n" });
    const r = pmm(["init", "w", "--today", TODAY], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(isOneLine(r.stderr)).toBe(true);
    expect(r.stderr).toContain("w/okrs.pmm");
    expect(readdirSync(join(dir, "w"))).toEqual(["okrs.pmm"]);
    expect(readFileSync(join(dir, "w/okrs.pmm"), "utf8")).toBe("# mine\n");
  });

  it("exits 2 on an invalid --maturity or --cycle and writes nothing", () => {
    const dir = ws();
    for (const args of [
      ["--maturity", "0"],
      ["--maturity", "6"],
      ["--maturity", "2.5"],
      ["--maturity", "x"],
      ["--cycle", "45"],
      ["--cycle", "0d"],
      ["--cycle", "soon"],
      ["--cycle", "45d 3d"],
    ]) {
      const r = pmm(["init", "out", ...args, "--today", TODAY], { cwd: dir });
      expect({ args, code: r.code, one: isOneLine(r.stderr), stdout: r.stdout }).toEqual({ args, code: 2, one: true, stdout: "" });
    }
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("exits 2 when DIR is a file", () => {
    const dir = ws();
    writeFileSync(join(dir, "f"), "x");
    const r = pmm(["init", "f"], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pmm: f: not a folder\n");
  });

  describe("--ci github", () => {
    /** The workflow `pmm init --ci github` writes for a workspace at `workspace`, as the file's run steps. */
    const runSteps = (text: string) => (parse(text) as { jobs: { pmm: { steps: { run?: string; uses?: string }[] } } }).jobs.pmm.steps.map((s) => s.run ?? s.uses);

    it("writes the starter and .github/workflows/pmm.yml at the repository root, checking DIR", () => {
      const dir = ws({ ".git/HEAD": "ref: refs/heads/main\n", "sub/.keep": "" });
      const r = pmm(["init", "../metrics", "--ci", "github", "--today", TODAY], { cwd: join(dir, "sub") });
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).toContain("created ../metrics/blueprint.pmm\n");
      expect(r.stdout).toContain("created ../.github/workflows/pmm.yml\n");
      const text = readFileSync(join(dir, ".github/workflows/pmm.yml"), "utf8");
      expect(runSteps(text)).toEqual(["actions/checkout@v4", "actions/setup-node@v4", "npm ci", "npx --no-install pmm check --format github metrics"]);
      expect(text).not.toMatch(/npx (-y )?pmm/);
      expect(pmm(["check", "--format", "github", "metrics", "--today", TODAY], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
    });

    it("a folder that already holds a workspace gets only the workflow; the root checks `.`", () => {
      const dir = ws({ "main.pmm": "# mine\n" });
      const r = pmm(["init", "--ci", "github"], { cwd: dir });
      expect(r).toEqual({
        code: 0,
        stdout:
          "created .github/workflows/pmm.yml\n\nA GitHub Actions workflow that checks `.` on every pull request. Next: commit it with package.json and package-lock.json (`npm install --save-dev @pmm/cli` adds pmm to them).\n",
        stderr: "",
      });
      expect(readdirSync(dir).sort()).toEqual([".github", "main.pmm"]);
      expect(runSteps(readFileSync(join(dir, ".github/workflows/pmm.yml"), "utf8")).at(-1)).toBe("npx --no-install pmm check --format github .");
    });

    it("quotes a folder name the shell would split", () => {
      const dir = ws({ "my metrics/main.pmm": "# mine\n" });
      expect(pmm(["init", "my metrics", "--ci", "github"], { cwd: dir }).code).toBe(0);
      expect(runSteps(readFileSync(join(dir, ".github/workflows/pmm.yml"), "utf8")).at(-1)).toBe("npx --no-install pmm check --format github 'my metrics'");
    });

    it("refuses an existing workflow, an unknown provider and a workspace outside the repository: exit 2, nothing written", () => {
      const dir = ws({ ".github/workflows/pmm.yml": "mine\n", "inner/.git/HEAD": "x\n" });
      const exists = pmm(["init", "w", "--ci", "github", "--today", TODAY], { cwd: dir });
      expect(exists).toEqual({
        code: 2,
        stdout: "",
        stderr: "pmm: .github/workflows/pmm.yml already exists; pmm init writes only into a folder without these files (nothing was written)\n",
      });
      expect(existsSync(join(dir, "w"))).toBe(false);
      expect(pmm(["init", "w", "--ci", "gitlab"], { cwd: dir })).toEqual({ code: 2, stdout: "", stderr: "pmm: --ci gitlab: expected github\n" });
      const outside = pmm(["init", "../w", "--ci", "github"], { cwd: join(dir, "inner") });
      expect(outside.code).toBe(2);
      expect(isOneLine(outside.stderr)).toBe(true);
      expect(outside.stderr).toContain("outside the repository");
      expect(existsSync(join(dir, "w"))).toBe(false);
    });
  });
});
