// `pmm fmt` end to end: the built CLI as a child process.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isOneLine, pmm, useWorkspaces } from "./fixtures/cli/run-cli.js";

const ws = useWorkspaces();

const MESSY = 'team   pmm "PMM"{role:pmm}\n\n\n\nmetric m {\n      type:input\n}';
const CLEAN = 'team pmm "PMM" { role: pmm }\n\nmetric m {\n  type: input\n}\n';

describe("pmm fmt", () => {
  it("passes --check on examples/acme and examples/starter", () => {
    for (const dir of ["examples/acme", "examples/starter"]) {
      const r = pmm(["fmt", "--check", dir]);
      expect({ dir, ...r }).toEqual({ dir, code: 0, stdout: "", stderr: "" });
    }
  });

  it("formats in place and prints the files it changed", () => {
    const dir = ws({ "a.pmm": MESSY, "sub/b.pmm": CLEAN, "c.txt": "not pmm {" });
    const r = pmm(["fmt"], { cwd: dir });
    expect(r).toEqual({ code: 0, stdout: "a.pmm\n", stderr: "" });
    expect(readFileSync(join(dir, "a.pmm"), "utf8")).toBe(CLEAN);
    expect(readFileSync(join(dir, "c.txt"), "utf8")).toBe("not pmm {");
    expect(pmm(["fmt"], { cwd: dir })).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  it("--check lists the files that would change, writes nothing and exits 1", () => {
    const dir = ws({ "a.pmm": MESSY, "b.pmm": CLEAN, "c.pmm": MESSY });
    const r = pmm(["fmt", "--check", "."], { cwd: dir });
    expect(r).toEqual({ code: 1, stdout: "a.pmm\nc.pmm\n", stderr: "" });
    expect(readFileSync(join(dir, "a.pmm"), "utf8")).toBe(MESSY);
  });

  it("keeps CRLF line ends", () => {
    const dir = ws({ "a.pmm": "team a {role:pmm}\r\nteam b {role:pmm}\r\n" });
    expect(pmm(["fmt", "a.pmm"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "a.pmm"), "utf8")).toBe("team a { role: pmm }\r\nteam b { role: pmm }\r\n");
  });

  it("leaves a file with syntax errors untouched, prints file:line:col message and exits 1", () => {
    const broken = "team a {role:pmm}\nteam b {\n  role: \n}\n";
    const dir = ws({ "bad.pmm": broken, "good.pmm": MESSY });
    const r = pmm(["fmt"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe("good.pmm\n");
    expect(r.stderr).toMatch(/^bad\.pmm:4:1 [^\n]+\n$/);
    expect(readFileSync(join(dir, "bad.pmm"), "utf8")).toBe(broken);
    expect(readFileSync(join(dir, "good.pmm"), "utf8")).toBe(CLEAN);
  });

  it("exits 2 with one line for a missing path", () => {
    const r = pmm(["fmt", "no/such/place"]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(isOneLine(r.stderr)).toBe(true);
    expect(r.stderr).toBe("pmm: no/such/place: no such file or directory\n");
  });
});
