// `pmm check` end to end: the built CLI as a child process.
import { spawnSync } from "node:child_process";
import { chmodSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isOneLine, onlyRules, pmm, PMM, TWO_FILES, useWorkspaces } from "./fixtures/cli/run-cli.js";

const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();

describe("pmm check", () => {
  it("passes examples/acme with no findings and exit 0", () => {
    const r = pmm(["check", "examples/acme", ...TODAY]);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe("✔ no problems in 15 files\n");
    expect(r.code).toBe(0);
    const j = pmm(["check", "examples/acme", ...TODAY, "--format", "json"]);
    expect(JSON.parse(j.stdout)).toEqual({ version: 1, diagnostics: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } });
    expect(j.code).toBe(0);
  });

  it("reports a missing `}` and an unknown owner in two files with exact positions in the JSON contract", () => {
    const dir = ws(TWO_FILES);
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(JSON.parse(r.stdout)).toEqual({
      version: 1,
      diagnostics: [
        {
          file: "a.pmm",
          rule: "syntax",
          severity: "error",
          message: "expected `}` to close `metric win_rate`, found `metric`",
          declaration: "deals_won",
          start: { line: 7, column: 1, offset: 87 },
          end: { line: 7, column: 7, offset: 93 },
        },
        {
          file: "b.pmm",
          rule: "unknown-reference",
          severity: "error",
          message: "unknown team `nobody`; declare it or fix the name",
          declaration: "sqls",
          start: { line: 3, column: 10, offset: 44 },
          end: { line: 3, column: 16, offset: 50 },
        },
      ],
      counts: { error: 2, warning: 0, info: 0, hint: 0 },
    });
    // The key order of the contract is fixed too.
    expect(Object.keys(JSON.parse(r.stdout).diagnostics[0])).toEqual(["file", "rule", "severity", "message", "declaration", "start", "end"]);
  });

  it("prints file paths relative to the current directory with `/`", () => {
    const dir = ws({ "ws/pmm.config.yaml": TWO_FILES["pmm.config.yaml"], "ws/sub/b.pmm": TWO_FILES["b.pmm"] });
    const r = pmm(["check", "ws", ...TODAY, "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { file: string }) => d.file)).toEqual(["ws/sub/b.pmm"]);
  });

  it("gives workspace findings without a blueprint a null file, start and end", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("blueprint-count"), "a.pmm": 'team pmm "PMM" { role: pmm }\n' });
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics).toEqual([{ file: null, rule: "blueprint-count", severity: "warning", message: expect.any(String), declaration: null, start: null, end: null }]);
    expect(out.counts).toEqual({ error: 0, warning: 1, info: 0, hint: 0 });
    expect(r.code).toBe(0);
  });

  it("exits 2 with one line and no stack trace for a path that does not exist", () => {
    const r = pmm(["check", "no/such/place", ...TODAY]);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("pmm: no/such/place: no such file or directory\n");
  });

  it("exits 2 with one line for a file it cannot read", () => {
    const dir = ws({ "a.pmm": 'team pmm "PMM" { role: pmm }\n' });
    chmodSync(dir, 0o755);
    chmodSync(join(dir, "a.pmm"), 0o000);
    // root reads everything: run as `nobody` then, so the permission bites.
    const asRoot = process.getuid?.() === 0;
    const r = pmm(["check", "a.pmm", ...TODAY], { cwd: dir, ...(asRoot ? { uid: 65534, gid: 65534 } : {}) });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("pmm: a.pmm: cannot read: permission denied (EACCES)\n");
  });

  it("exits 2 for an invalid --today", () => {
    for (const bad of ["2026-02-30", "yesterday", "2026-1-5"]) {
      const r = pmm(["check", "examples/acme", "--today", bad]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`pmm: --today ${bad}: expected a date as YYYY-MM-DD\n`);
    }
  });

  it("prints usage mistakes as one line and exits 2", () => {
    const cases: [string[], string][] = [
      [["check", "--frmat", "json"], "pmm: unknown option '--frmat' (Did you mean --format?)\n"],
      [["check", "--format", "xml"], "pmm: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are github, json, junit, pretty, sarif.\n"],
      [["check", "--max-warnings", "lots", "examples/acme"], "pmm: --max-warnings lots: expected a whole number of 0 or more\n"],
      [["check", "--rule", "kpi-cont=error", "examples/acme"], "pmm: --rule kpi-cont=error: unknown rule `kpi-cont`; did you mean `kpi-count`?\n"],
      [["check", "--rule", "kpi-count=fatal", "examples/acme"], "pmm: --rule kpi-count=fatal: the severity must be one of error, warning, info, hint or off\n"],
      [["check", "--rule", "kpi-count", "examples/acme"], "pmm: --rule kpi-count: expected ID=SEVERITY, e.g. --rule vanity-metric=warning\n"],
    ];
    for (const [args, stderr] of cases) {
      const r = pmm(args);
      expect(r.stderr).toBe(stderr);
      expect(isOneLine(r.stderr)).toBe(true);
      expect(r.code).toBe(2);
    }
  });

  it("counts UTF-16 code units in columns after emoji and CJK text", () => {
    // `📈` is two UTF-16 code units (one code point), `增长` two units: `nobody` starts at unit 39 (code point 38).
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "a.pmm": 'metric m "📈 增长" { type: input  owner: nobody }\n' });
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: dir });
    const [d] = JSON.parse(r.stdout).diagnostics;
    expect(d.start).toEqual({ line: 1, column: 40, offset: 39 });
    expect(d.end).toEqual({ line: 1, column: 46, offset: 45 });
  });

  it("accepts CRLF line ends (the `\\r` counts in offsets, never in columns)", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "a.pmm": 'metric sqls "SQLs" {\r\n  type: input\r\n  owner: nobody\r\n}\r\n' });
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: dir });
    const [d] = JSON.parse(r.stdout).diagnostics;
    expect(d.start).toEqual({ line: 3, column: 10, offset: 46 });
    expect(d.end).toEqual({ line: 3, column: 16, offset: 52 });
  });

  it("strips a byte order mark", () => {
    const text = 'metric sqls "SQLs" {\n  type: input\n  owner: nobody\n}\n';
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference", "syntax"), "a.pmm": Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]) });
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: dir });
    const out = JSON.parse(r.stdout);
    expect(out.diagnostics.map((d: { rule: string }) => d.rule)).toEqual(["unknown-reference"]);
    expect(out.diagnostics[0].start).toEqual({ line: 3, column: 10, offset: 44 });
  });

  it("colours the pretty output on a terminal, and never with NO_COLOR", () => {
    const dir = ws(TWO_FILES);
    // `script` (util-linux, essential on Debian) runs the CLI on a pseudo-terminal.
    const onTty = (env: Record<string, string | undefined>): string => {
      const cmd = `${JSON.stringify(process.execPath)} ${JSON.stringify(PMM)} check --today 2026-11-23`;
      const merged: Record<string, string | undefined> = { ...process.env, NO_COLOR: undefined, FORCE_COLOR: undefined, ...env };
      for (const k of Object.keys(merged)) if (merged[k] === undefined) delete merged[k];
      return spawnSync("script", ["-qec", cmd, "/dev/null"], { cwd: dir, env: merged as NodeJS.ProcessEnv, encoding: "utf8" }).stdout;
    };
    expect(onTty({})).toContain("\u001b[31merror[syntax]");
    const plain = onTty({ NO_COLOR: "1" });
    expect(plain).toContain("error[syntax]: expected `}` to close `metric win_rate`, found `metric`");
    expect(plain).not.toMatch(/\u001b\[/);
  });

  it("prints no ANSI codes when stdout is not a terminal, with or without NO_COLOR", () => {
    const dir = ws(TWO_FILES);
    for (const env of [{}, { NO_COLOR: "1" }, { FORCE_COLOR: "1" }]) {
      const r = pmm(["check", ...TODAY], { cwd: dir, env });
      expect(r.code).toBe(1);
      expect(r.stdout).not.toMatch(/\u001b\[/);
      expect(r.stdout).toContain("error[syntax]: expected `}` to close `metric win_rate`, found `metric`\n  --> a.pmm:7:1\n");
      expect(r.stdout.endsWith("✖ 2 errors, 0 warnings in 2 files\n")).toBe(true);
    }
  });
});

describe("--max-warnings and --quiet", () => {
  // `unknown-reference` turned down to a warning: one warning per unknown owner.
  const files = {
    "pmm.config.yaml": `${onlyRules("unknown-reference", "syntax")}  unknown-reference: warning\n`,
    "a.pmm": 'metric a "A" { type: input  owner: nobody }\nmetric b "B" { type: input  owner: noone }\n',
  };

  it("allows warnings up to the budget and fails over it", () => {
    const dir = ws(files);
    expect(pmm(["check", ...TODAY], { cwd: dir }).code).toBe(0);
    expect(pmm(["check", ...TODAY, "--max-warnings", "2"], { cwd: dir }).code).toBe(0);
    const over = pmm(["check", ...TODAY, "--max-warnings", "1", "--format", "json"], { cwd: dir });
    expect(over.code).toBe(1);
    expect(JSON.parse(over.stdout).counts).toEqual({ error: 0, warning: 2, info: 0, hint: 0 });
    expect(over.stderr).toBe("pmm: too many warnings: 2 (--max-warnings 1)\n");
    expect(pmm(["check", ...TODAY, "--max-warnings", "0"], { cwd: dir }).code).toBe(1);
  });

  it("--quiet hides warnings (and info and hints) but they still count against --max-warnings", () => {
    const dir = ws(files);
    const quiet = pmm(["check", ...TODAY, "--quiet", "--format", "json"], { cwd: dir });
    expect(JSON.parse(quiet.stdout)).toEqual({ version: 1, diagnostics: [], counts: { error: 0, warning: 0, info: 0, hint: 0 } });
    expect(quiet.code).toBe(0);
    expect(pmm(["check", ...TODAY, "--quiet", "--max-warnings", "1"], { cwd: dir }).code).toBe(1);
  });

  it("--quiet keeps errors and the exit code they cause", () => {
    const dir = ws(TWO_FILES);
    const r = pmm(["check", ...TODAY, "--quiet", "--format", "json"], { cwd: dir });
    expect(JSON.parse(r.stdout).counts).toEqual({ error: 2, warning: 0, info: 0, hint: 0 });
    expect(r.code).toBe(1);
  });
});
