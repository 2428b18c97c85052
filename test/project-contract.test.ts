// The contract between the two shells: one table of configs and file trees
// runs through the CLI (a real process: `pmm check --format json`) and the
// language server's session, and both select the same files, read the same
// options and report the same config problems at the same positions — the
// core's project loader (packages/core/src/project/) is the only one.
import { relative } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver/node";
import { Session } from "../packages/language-server/src/session.js";
import { pmm, useWorkspaces } from "./fixtures/cli/run-cli.js";

const ws = useWorkspaces();

/** A file with one finding (an unknown owner), so every file the CLI checks shows in its JSON. */
const file = (n: number): string => `metric m${n} "M${n}" { type: input  owner: nobody }\n`;

/** A folder 70 levels deep (deeper than the old server's limit of 64). */
const DEEP = `${Array.from({ length: 70 }, (_, i) => `d${i}`).join("/")}/deep.pmm`;

interface Case {
  readonly name: string;
  readonly config?: string;
  readonly tree: readonly string[];
  /** The files both shells check (relative, sorted). */
  readonly files: readonly string[];
  /** Every config problem, `line:col: message` (the CLI stops at the first, exit 2). */
  readonly problems: readonly string[];
  /** What the server keeps of the config: rule settings, and today. */
  readonly rules?: Record<string, unknown>;
  readonly today?: string | null;
}

const TREE = ["a.pmm", "b/c.pmm", "d.PMM", "e.pmm.txt", "node_modules/x.pmm", ".hidden/y.pmm", DEEP];

const CASES: readonly Case[] = [
  { name: "no config: every .pmm at any depth, exactly `.pmm`, no node_modules or dot folders", tree: TREE, files: ["a.pmm", "b/c.pmm", DEEP], problems: [] },
  {
    name: "include with braces",
    config: 'include: ["metrics/{a,b}.pmm"]\n',
    tree: ["metrics/a.pmm", "metrics/b.pmm", "metrics/c.pmm", "top.pmm"],
    files: ["metrics/a.pmm", "metrics/b.pmm"],
    problems: [],
  },
  { name: "exclude a folder", config: 'exclude: ["old/**"]\n', tree: ["a.pmm", "old/b.pmm", "old/deep/c.pmm"], files: ["a.pmm"], problems: [] },
  {
    name: "rule options and today",
    config: "rules:\n  unknown-reference: warning\n  kpi-count: { options: { max: 6 } }\ntoday: 2026-10-01\n",
    tree: ["a.pmm"],
    files: ["a.pmm"],
    problems: [],
    rules: { "unknown-reference": { severity: "warning" }, "kpi-count": { options: { max: 6 } } },
    today: "2026-10-01",
  },
  {
    name: 'max: "seven"',
    config: 'rules:\n  kpi-count:\n    severity: warning\n    options: { max: "seven" }\n',
    tree: ["a.pmm"],
    files: ["a.pmm"],
    problems: ["4:21: rules.kpi-count.options.max must be a whole number"],
    rules: { "kpi-count": { severity: "warning", options: {} } },
  },
  {
    name: "max: -3",
    config: "rules:\n  kpi-count: { options: { max: -3, min: 2 } }\n",
    tree: ["a.pmm"],
    files: ["a.pmm"],
    problems: ["2:32: rules.kpi-count.options.max must be at least 1"],
    rules: { "kpi-count": { options: { min: 2 } } },
  },
  { name: "today: 2026-02-30", config: "today: 2026-02-30\n", tree: ["a.pmm"], files: ["a.pmm"], problems: ["1:8: today must be a date as YYYY-MM-DD"], rules: {}, today: null },
  {
    name: "several problems, the valid keys kept",
    config: "rules:\n  kpi-cont: error\n  syntax: warning\ntoday: 2026-02-30\nvanity_terms: [reach]\n",
    tree: ["a.pmm"],
    files: ["a.pmm"],
    problems: ["2:3: rules.kpi-cont is not a rule; did you mean `kpi-count`?", "4:8: today must be a date as YYYY-MM-DD"],
    rules: { syntax: { severity: "warning" } },
    today: null,
  },
];

/** The files the CLI checks, its config problem (stderr) and the severities of `unknown-reference`, run as a user would. */
function cli(dir: string): { files: string[]; stderr: string; code: number; severities: string[] } {
  const r = pmm(["check", "--format", "json", "--today", "2026-11-23"], { cwd: dir });
  if (r.code === 2) return { files: [], stderr: r.stderr, code: r.code, severities: [] };
  const diagnostics = (JSON.parse(r.stdout) as { diagnostics: Array<{ file: string | null; severity: string; rule: string }> }).diagnostics.filter((d) => d.file !== null);
  return {
    files: [...new Set(diagnostics.flatMap((d) => (d.file === null ? [] : [d.file])))].sort(),
    stderr: r.stderr,
    code: r.code,
    severities: [...new Set(diagnostics.filter((d) => d.rule === "unknown-reference").map((d) => d.severity))],
  };
}

/** The language server's session on the folder: its files, config and the diagnostics on the config file. */
function server(dirs: readonly string[]): { session: Session; published: Map<string, Diagnostic[]> } {
  const published = new Map<string, Diagnostic[]>();
  const session = new Session({ publish: (uri, diagnostics) => void published.set(uri, diagnostics), log: () => {} }, 1);
  session.initialize(
    dirs.map((d) => pathToFileURL(d).href),
    undefined,
  );
  session.flush();
  session.dispose();
  return { session, published };
}

describe("project contract: the CLI and the language server load a project alike", () => {
  for (const c of CASES) {
    it(c.name, () => {
      const files: Record<string, string> = {};
      c.tree.forEach((p, i) => (files[p] = file(i)));
      if (c.config !== undefined) files["pmm.config.yaml"] = c.config;
      const dir = ws(files);
      const { session, published } = server([dir]);
      const serverFiles = session.files().map((f) => relative(dir, fileURLToPath(f.path)).split("\\").join("/"));
      const configUri = pathToFileURL(`${dir}/pmm.config.yaml`).href;
      const serverProblems = (published.get(configUri) ?? []).map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}`);
      const fromCli = cli(dir);

      expect(serverProblems).toEqual(c.problems);
      if (c.problems.length > 0) {
        // the CLI refuses the config: exit 2, every problem the server publishes, at the same positions, a line each
        expect(fromCli.code).toBe(2);
        expect(fromCli.stderr).toBe(c.problems.map((p) => `pmm: pmm.config.yaml:${p}\n`).join(""));
      } else {
        expect(fromCli.code).toBe(1);
        expect(fromCli.files).toEqual(c.files);
        if (c.rules?.["unknown-reference"]) expect(fromCli.severities).toEqual(["warning"]);
      }
      expect(serverFiles).toEqual(c.files);
      const config = session.config();
      if (c.rules) expect(Object.fromEntries(config.rules)).toEqual(c.rules);
      if (c.today !== undefined) expect(config.today).toBe(c.today);
    }, 60_000);
  }
});

describe("multi-root: each workspace folder is its own project", () => {
  it("two folders declaring the same ids report no duplicates", () => {
    const text = 'team pmm "PMM" { role: pmm }\nmetric m "M" { type: input  owner: pmm }\n';
    const a = ws({ "a.pmm": text });
    const b = ws({ "a.pmm": text });
    const { session, published } = server([a, b]);
    const rules = [...published.values()].flat().map((d) => String(d.code));
    expect(rules).not.toContain("duplicate-id");
    expect(session.files()).toHaveLength(2);
    // each file's program holds its own folder's declarations only
    for (const f of session.files()) expect(session.program(f).byId.get("m")).toHaveLength(1);
  });
});
