// `pmm check --baseline FILE [--update-baseline]` end to end.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isOneLine, onlyRules, pmm, TWO_FILES, useWorkspaces } from "./fixtures/cli/run-cli.js";

const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();

const BASELINE = `{
  "version": 1,
  "findings": [
    {
      "rule": "syntax",
      "file": "a.pmm",
      "declaration": "deals_won",
      "message": "expected \`}\` to close \`metric win_rate\`, found \`metric\`"
    },
    {
      "rule": "unknown-reference",
      "file": "b.pmm",
      "declaration": "sqls",
      "message": "unknown team \`nobody\`; declare it or fix the name"
    }
  ]
}
`;

describe("--baseline", () => {
  it("round trip: write the baseline, pass with it, survive line shifts, fail on a new finding only", () => {
    const dir = ws(TWO_FILES);
    const write = pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--update-baseline"], { cwd: dir });
    expect(write.code).toBe(0);
    expect(write.stdout).toBe("");
    expect(write.stderr).toBe("pmm: wrote 2 findings to pmm-baseline.json\n");
    expect(readFileSync(join(dir, "pmm-baseline.json"), "utf8")).toBe(BASELINE);

    const held = pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json"], { cwd: dir });
    expect(held.stdout).toBe("✔ no problems in 2 files (2 findings held by the baseline)\n");
    expect(held.code).toBe(0);

    // Unrelated edits move the findings to other lines: still held.
    writeFileSync(join(dir, "a.pmm"), `# a comment\n\n${TWO_FILES["a.pmm"]}`);
    writeFileSync(join(dir, "b.pmm"), `\n\n\n${TWO_FILES["b.pmm"]}`);
    const moved = pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--format", "json"], { cwd: dir });
    expect(JSON.parse(moved.stdout)).toEqual({ version: 1, diagnostics: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } });
    expect(moved.code).toBe(0);

    // A new finding fails, and only it is reported.
    writeFileSync(join(dir, "c.pmm"), 'metric mqls "MQLs" {\n  type: input\n  owner: nobody\n}\n');
    const fresh = pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--format", "json"], { cwd: dir });
    const out = JSON.parse(fresh.stdout);
    expect(out.diagnostics.map((d: { file: string; rule: string; declaration: string }) => `${d.file} ${d.rule} ${d.declaration}`)).toEqual(["c.pmm unknown-reference mqls"]);
    expect(out.counts).toEqual({ error: 1, warning: 0, info: 0, hint: 0 });
    expect(fresh.code).toBe(1);

    // Updating takes the new finding in; the file stays sorted and stable.
    expect(pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--update-baseline"], { cwd: dir }).code).toBe(0);
    const again = readFileSync(join(dir, "pmm-baseline.json"), "utf8");
    expect(JSON.parse(again).findings.map((f: { file: string }) => f.file)).toEqual(["a.pmm", "b.pmm", "c.pmm"]);
    expect(pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--update-baseline"], { cwd: dir }).code).toBe(0);
    expect(readFileSync(join(dir, "pmm-baseline.json"), "utf8")).toBe(again);
    expect(pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json"], { cwd: dir }).code).toBe(0);
  });

  it("matches by message too: a changed message is a new finding", () => {
    const dir = ws({ ...TWO_FILES, "pmm-baseline.json": BASELINE });
    writeFileSync(join(dir, "b.pmm"), TWO_FILES["b.pmm"]!.replace("nobody", "someone"));
    const r = pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { message: string }) => d.message)).toEqual(["unknown team `someone`; declare it or fix the name"]);
    expect(r.code).toBe(1);
  });

  it("holds each identical finding once: a second copy is new", () => {
    const entry = { rule: "duplicate-id", file: "a.pmm", declaration: "pmm", message: "`pmm` is declared 2 times; ids are shared by every kind across the workspace — rename one" };
    const dir = ws({
      "pmm.config.yaml": onlyRules("duplicate-id"),
      "a.pmm": 'team pmm "PMM" { role: pmm }\nteam pmm "Again" { role: pmm }\n',
      "pmm-baseline.json": JSON.stringify({ version: 1, findings: [entry] }),
    });
    const r = pmm(["check", ...TODAY, "--baseline", "pmm-baseline.json", "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { rule: string; start: { line: number } }) => `${d.rule} ${d.start.line}`)).toEqual(["duplicate-id 2"]);
    expect(r.code).toBe(1);
  });

  it("keeps file paths relative to the baseline file, so it works from another folder", () => {
    const dir = ws({ "ws/pmm.config.yaml": TWO_FILES["pmm.config.yaml"]!, "ws/a.pmm": TWO_FILES["a.pmm"]!, "ws/b.pmm": TWO_FILES["b.pmm"]!, "ws/pmm-baseline.json": BASELINE });
    const r = pmm(["check", "ws", ...TODAY, "--baseline", "ws/pmm-baseline.json"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe("✔ no problems in 2 files (2 findings held by the baseline)\n");
  });

  it("exits 2 with one line when the baseline is missing or broken, or --update-baseline has no file", () => {
    const dir = ws({ ...TWO_FILES, "bad.json": "{ nope", "wrong.json": '{ "version": 2, "findings": [] }', "items.json": '{ "version": 1, "findings": [{ "rule": 1 }] }' });
    const cases: [string[], string][] = [
      [["--baseline", "missing.json"], "pmm: missing.json: no such baseline file; create it with --update-baseline\n"],
      [["--baseline", "wrong.json"], 'pmm: wrong.json: not a baseline file: expected { "version": 1, "findings": [...] }; write one with --update-baseline\n'],
      [["--baseline", "items.json"], "pmm: items.json: findings[0] must have a string `rule` and `message` and a string or null `file` and `declaration`\n"],
      [["--update-baseline"], "pmm: --update-baseline needs --baseline FILE (the file to write)\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = pmm(["check", ...TODAY, ...args], { cwd: dir });
      expect(r.stderr).toBe(stderr);
      expect(r.code).toBe(2);
    }
    const bad = pmm(["check", ...TODAY, "--baseline", "bad.json"], { cwd: dir });
    expect(bad.stderr.startsWith("pmm: bad.json: not a baseline file: invalid JSON (")).toBe(true);
    expect(isOneLine(bad.stderr)).toBe(true);
    expect(bad.code).toBe(2);
  });
});
