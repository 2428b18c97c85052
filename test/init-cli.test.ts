// `pmm init` end to end: the built CLI as a child process.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
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
    for (const args of [["--maturity", "0"], ["--maturity", "6"], ["--maturity", "2.5"], ["--maturity", "x"], ["--cycle", "45"], ["--cycle", "0d"], ["--cycle", "soon"], ["--cycle", "45d 3d"]]) {
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
});
