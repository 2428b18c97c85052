// Output a person acts on, end to end (the built CLI as a child process):
// grouped pretty findings, the summary table, --statistics, --fix,
// --fix-dry-run, the hints for common guesses, escaping, and `pmm tree`.
import { chmodSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { onlyRules, pmm, ROOT, useWorkspaces } from "./fixtures/cli/run-cli.js";

const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();
const copies: string[] = [];
afterAll(() => {
  for (const d of copies) rmSync(d, { recursive: true, force: true });
});

/** A copy of a folder of the repository in a fresh temp folder. */
function copyOf(path: string): string {
  const dir = mkdtempSync(join(tmpdir(), "pmm-fix-"));
  copies.push(dir);
  cpSync(join(ROOT, path), dir, { recursive: true });
  return dir;
}

/** Every file of a folder with its text. */
function texts(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((f) => [f, readFileSync(join(dir, f), "utf8")]),
  );
}

/** Three metrics with the same finding, a syntax error with a finding in the same declaration, and one more finding. */
const GROUPING: Record<string, string> = {
  "pmm.config.yaml": onlyRules("syntax", "input-actionable", "unknown-reference"),
  "a.pmm": 'team pmm "PMM" { role: pmm }\n\nmetric a "A" { type: input  owner: pmm }\nmetric b "B" { type: input  owner: pmm }\nmetric c "C" { type: input  owner: pmm }\n',
  "b.pmm": 'metric d "D" {\n  type input\n  owner: nobody\n  levers: ["x"]\n}\nmetric e "E" { type: input  owner: nobdy  levers: ["y"] }\n',
};

const LEVERS =
  'input metric `a` has no `levers`; an input is only useful if the team can move it directly — list what the team does to move it (`levers: ["battlecards", "onboarding emails"]`), or make it an output';

const TABLE = [
  "rule               severity  count  what to do",
  "syntax             error         1  fix these first: the other findings may follow from them",
  "input-actionable   error         3  list `levers`, and give the input to a team that can pull them",
  "unknown-reference  error         2  use the suggested name, or declare what is named",
  "run `pmm explain RULE` for why a rule matters and how to fix its findings",
  "",
  "✖ 6 errors, 0 warnings in 2 files",
  "",
].join("\n");

describe("pretty output: grouping, syntax first, the summary table", () => {
  it("prints findings of one rule and message shape once, listing every declaration; syntax errors first, their consequences held back", () => {
    const r = pmm(["check", ...TODAY], { cwd: ws(GROUPING) });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("");
    expect(r.stdout).toBe(
      [
        "error[syntax]: expected `:` after `type`: write `type: input`",
        "  --> b.pmm:2:3",
        '    1 | metric d "D" {',
        "  > 2 |   type input",
        "      |   ^^^^",
        "    3 |   owner: nobody",
        "",
        `error[input-actionable]: ${LEVERS}`,
        "  --> a.pmm:3:8",
        "    2 |",
        '  > 3 | metric a "A" { type: input  owner: pmm }',
        "      |        ^",
        '    4 | metric b "B" { type: input  owner: pmm }',
        "  also: 2 more like it:",
        "    `b` a.pmm:4:8",
        "    `c` a.pmm:5:8",
        "",
        "error[unknown-reference]: unknown team `nobdy`; declare it or fix the name",
        "  --> b.pmm:6:36",
        "    5 | }",
        '  > 6 | metric e "E" { type: input  owner: nobdy  levers: ["y"] }',
        "      |                                    ^^^^^",
        "    7 |",
        "",
        "1 other finding in declarations with syntax errors held back until those are fixed (`--no-group` shows them)",
        "",
        TABLE,
      ].join("\n"),
    );
  });

  it("--no-group prints every finding on its own and marks the one in a declaration with a syntax error", () => {
    const r = pmm(["check", ...TODAY, "--no-group"], { cwd: ws(GROUPING) });
    expect(r.code).toBe(1);
    const blocks = r.stdout.split("\n\n");
    expect(blocks.map((b) => b.split("\n")[0])).toEqual([
      "error[syntax]: expected `:` after `type`: write `type: input`",
      `error[input-actionable]: ${LEVERS}`,
      `error[input-actionable]: ${LEVERS.replace("`a`", "`b`")}`,
      `error[input-actionable]: ${LEVERS.replace("`a`", "`c`")}`,
      "error[unknown-reference]: unknown team `nobody`; declare it or fix the name",
      "error[unknown-reference]: unknown team `nobdy`; declare it or fix the name",
      TABLE.split("\n")[0],
      "✖ 6 errors, 0 warnings in 2 files",
    ]);
    expect(blocks[4]).toBe(
      [
        "error[unknown-reference]: unknown team `nobody`; declare it or fix the name",
        "  --> b.pmm:3:10",
        "    2 |   type input",
        "  > 3 |   owner: nobody",
        "      |          ^^^^^^",
        '    4 |   levers: ["x"]',
        "  note: this declaration has a syntax error; this finding may go away once it is fixed",
        "  help: run `pmm explain unknown-reference` for why this matters and how to fix it",
      ].join("\n"),
    );
  });

  it("--statistics prints only the summary table and the totals", () => {
    const r = pmm(["check", ...TODAY, "--statistics"], { cwd: ws(GROUPING) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(TABLE);
  });

  it("keeps the JSON contract: version 1, every finding (grouping is pretty only)", () => {
    const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: ws(GROUPING) });
    const j = JSON.parse(r.stdout) as { version: number; diagnostics: Array<{ rule: string }> };
    expect(j.version).toBe(1);
    expect(j.diagnostics.map((d) => d.rule)).toEqual(["input-actionable", "input-actionable", "input-actionable", "syntax", "unknown-reference", "unknown-reference"]);
  });

  it("on a real KPI list with 50+ findings is at most 40% of the ungrouped lines and names every rule and affected declaration", () => {
    const path = "test/fixtures/real-kpis/gitlab-marketing";
    const grouped = pmm(["check", path, ...TODAY]).stdout;
    const ungrouped = pmm(["check", path, ...TODAY, "--no-group"]).stdout;
    const json = JSON.parse(pmm(["check", path, ...TODAY, "--format", "json"]).stdout) as { diagnostics: Array<{ rule: string; declaration: string | null }> };
    expect(json.diagnostics.length).toBeGreaterThanOrEqual(50);
    for (const d of json.diagnostics) {
      expect(grouped).toContain(`[${d.rule}]`);
      if (d.declaration !== null) expect(grouped).toMatch(new RegExp(`\\b${d.declaration}\\b`));
    }
    const g = grouped.split("\n").length;
    const u = ungrouped.split("\n").length;
    expect(g / u).toBeLessThanOrEqual(0.4);
  });

  it("on the anti-patterns example names every rule and every affected declaration, in fewer lines than ungrouped", () => {
    const grouped = pmm(["check", "examples/anti-patterns", ...TODAY]).stdout;
    const ungrouped = pmm(["check", "examples/anti-patterns", ...TODAY, "--no-group"]).stdout;
    const json = JSON.parse(pmm(["check", "examples/anti-patterns", ...TODAY, "--format", "json"]).stdout) as { diagnostics: Array<{ rule: string; declaration: string | null }> };
    for (const d of json.diagnostics) {
      expect(grouped).toContain(`[${d.rule}]`);
      if (d.declaration !== null) expect(grouped).toMatch(new RegExp(`\\b${d.declaration}\\b`));
    }
    expect(grouped.split("\n").length).toBeLessThan(ungrouped.split("\n").length);
  });
});

describe("pmm check --fix and --fix-dry-run", () => {
  const FIXABLE: Record<string, string> = {
    "teams.pmm": 'blueprint fx "Fix" { maturity: 2  sales_cycle: 30d  signoff: [pmm, sales] }\nteam pmm "PMM" { role: pmm }\nteam sales "Sales" { role: sales }\n',
    "metrics.pmm": [
      "# pmm-ignore kpi-count: a suppression that silences nothing stays",
      'metric win_rate "Win rate" {',
      "  type: input",
      "  ownr: pmm",
      "  cadence: weekli",
      '  levers: ["battlecards"]',
      "}",
      "",
      'metric old_deals "Old deals" {',
      "  type: input",
      "  owner: pmm",
      "  status: retired",
      "  replaced_by: win_rate",
      "}",
      "",
      'metric deals "Deals" {',
      "  type: output",
      "  owner: sales",
      "  traces: revenue",
      "  inputs: [win_rat]",
      "}",
      "",
      'workstream core "Core" { owner: pmm  kpis: [old_deals, deals] }',
      "",
    ].join("\n"),
    // a safe fix (`pmx` → `pmm`) in a file with a syntax error: never applied
    "broken.pmm": 'metric broken "Broken" {\n  type: input\n  owner: pmx\n',
  };
  const DIFF = [
    "--- a/metrics.pmm",
    "+++ b/metrics.pmm",
    "@@ -1,9 +1,10 @@",
    " # pmm-ignore kpi-count: a suppression that silences nothing stays",
    ' metric win_rate "Win rate" {',
    "   type: input",
    "-  ownr: pmm",
    "-  cadence: weekli",
    "+  owner: pmm",
    "+  cadence: weekly",
    '   levers: ["battlecards"]',
    "+  agreed_by: [pmm, sales]",
    " }",
    " ",
    ' metric old_deals "Old deals" {',
    "@@ -17,7 +18,8 @@",
    "   type: output",
    "   owner: sales",
    "   traces: revenue",
    "-  inputs: [win_rat]",
    "+  inputs: [win_rate]",
    "+  agreed_by: [pmm, sales]",
    " }",
    " ",
    '-workstream core "Core" { owner: pmm  kpis: [old_deals, deals] }',
    '+workstream core "Core" { owner: pmm  kpis: [win_rate, deals] }',
    "",
  ].join("\n");

  it("--fix-dry-run prints the safe fixes as a unified diff and writes nothing", () => {
    const dir = ws(FIXABLE);
    const before = texts(dir);
    const r = pmm(["check", ...TODAY, "--fix-dry-run"], { cwd: dir });
    expect(r.stdout).toBe(DIFF);
    expect(r.stderr).toBe("pmm: --fix would apply 6 fixes in 1 file; nothing written\n");
    expect(r.code).toBe(1);
    expect(texts(dir)).toEqual(before);
  });

  it("--fix applies the did-you-mean names and words, the sign-off teams and the replacement, prints them, then reports what remains; a second run changes nothing", () => {
    const dir = ws(FIXABLE);
    const before = texts(dir);
    const r = pmm(["check", ...TODAY, "--fix"], { cwd: dir });
    expect(r.stdout.split("\n\n")[0]).toBe(
      [
        "fixed metrics.pmm:4:3 invalid-property: Change to `owner`",
        "fixed metrics.pmm:9:8 retired-metric-in-use: Replace `old_deals` with `win_rate` where it is used",
        "fixed metrics.pmm:16:8 shared-definition: Add `pmm` and `sales` to `agreed_by`",
        "fixed metrics.pmm:5:12 invalid-value: Change to `weekly`",
        "fixed metrics.pmm:20:12 unknown-reference: Change to `win_rate`",
        "fixed metrics.pmm:2:8 shared-definition: Add `pmm` and `sales` to `agreed_by`",
        "pmm: applied 6 fixes in 1 file; what remains:",
      ].join("\n"),
    );
    // what remains starts with the syntax error the fix left alone
    expect(r.stdout).toContain("\n\nerror[syntax]: expected `}` to close `metric broken`, found the end of the file\n");
    expect(r.code).toBe(1);
    const after = texts(dir);
    expect(after["broken.pmm"]).toBe(before["broken.pmm"]);
    expect(after["teams.pmm"]).toBe(before["teams.pmm"]);
    // the unused suppression (a decision) and the placeholders of missing properties are not applied
    expect(after["metrics.pmm"]).toContain("# pmm-ignore kpi-count: a suppression that silences nothing stays\n");
    expect(after["metrics.pmm"]).not.toContain("TODO");
    const dry = pmm(["check", ...TODAY, "--fix-dry-run"], { cwd: ws({ ...FIXABLE, "metrics.pmm": after["metrics.pmm"]! }) });
    expect(dry.stdout).toBe("");
    const again = pmm(["check", ...TODAY, "--fix"], { cwd: dir });
    expect(again.stdout.startsWith("pmm: applied 0 fixes in 0 files\n\n")).toBe(true);
    expect(texts(dir)).toEqual(after);
  });

  it("on a copy of examples/anti-patterns changes only what is safe (the sign-off teams of `expansion_deals`) and is idempotent", () => {
    const dir = copyOf("examples/anti-patterns");
    const before = texts(dir);
    const r = pmm(["check", ".", ...TODAY, "--fix"], { cwd: dir });
    expect(r.stdout.split("\n\n")[0]).toBe(
      "fixed metrics.pmm:32:8 shared-definition: Add `sales`, `product` and `finance` to `agreed_by`\npmm: applied 1 fix in 1 file; what remains:",
    );
    const after = texts(dir);
    expect(after["metrics.pmm"]).toBe(before["metrics.pmm"]!.replace("  since: 2026-07-01\n}", "  since: 2026-07-01\n  agreed_by: [sales, product, finance]\n}"));
    expect({ ...after, "metrics.pmm": "" }).toEqual({ ...before, "metrics.pmm": "" });
    const again = pmm(["check", ".", ...TODAY, "--fix"], { cwd: dir });
    expect(again.stdout.startsWith("pmm: applied 0 fixes in 0 files\n\n")).toBe(true);
    expect(texts(dir)).toEqual(after);
  });

  it("with --format json keeps stdout valid JSON and lists the fixes on stderr", () => {
    const dir = ws(FIXABLE);
    const r = pmm(["check", ...TODAY, "--fix", "--format", "json"], { cwd: dir });
    expect(() => JSON.parse(r.stdout) as unknown).not.toThrow();
    expect(r.stderr).toContain("fixed metrics.pmm:4:3 invalid-property: Change to `owner`\n");
  });

  it("leaves a read-only file as it is, says so in one line and exits 2", () => {
    const dir = ws(FIXABLE);
    const before = texts(dir);
    chmodSync(join(dir, "metrics.pmm"), 0o444);
    const r = pmm(["check", ...TODAY, "--fix"], { cwd: dir });
    expect(r.stderr).toBe("pmm: metrics.pmm: not fixed: the file is read-only; make it writable to let pmm change it\n");
    expect(r.stdout.split("\n\n")[0]).toBe("pmm: applied 0 fixes in 0 files");
    // what remains is what is on disk: the misspelt property is still there
    expect(r.stdout).toContain("a metric has no property `ownr`; did you mean `owner`?");
    expect(r.code).toBe(2);
    expect(texts(dir)).toEqual(before);
  });

  it("refuses --fix with --fix-dry-run", () => {
    const r = pmm(["check", ...TODAY, "--fix", "--fix-dry-run"], { cwd: ws(FIXABLE) });
    expect(r.stderr).toBe("pmm: --fix and --fix-dry-run: choose one\n");
    expect(r.code).toBe(2);
  });
});

/** The language rules only: each hint must be the one finding of its file. */
const LANGUAGE = onlyRules("syntax", "invalid-property", "invalid-value", "missing-property", "unknown-reference", "wrong-kind-reference");
const TEAM = 'team pmm "PMM" { role: pmm }\n';

interface Found {
  rule: string;
  message: string;
  start: { line: number; column: number };
  end: { line: number; column: number };
}

/** The findings of one file `a.pmm` (after a team `pmm` on line 1) as rule, message and 1-based range. */
function findings(text: string): Array<[string, string, string]> {
  const r = pmm(["check", ...TODAY, "--format", "json"], { cwd: ws({ "pmm.config.yaml": LANGUAGE, "a.pmm": `${TEAM}${text}` }) });
  const j = JSON.parse(r.stdout) as { diagnostics: Found[] };
  return j.diagnostics.map((d) => [d.rule, d.message, `${d.start.line}:${d.start.column}-${d.end.line}:${d.end.column}`]);
}

describe("hints for common guesses: one clear message with the fix, no knock-on errors", () => {
  const METRIC = "type: input  owner: pmm";
  it.each<[string, string, Array<[string, string, string]>]>([
    [
      "a comma list without brackets",
      'metric a "A" { type: output  owner: pmm  dimension: retention  inputs: b, c }\nmetric b "B" { type: input  owner: pmm }\nmetric c "C" { type: input  owner: pmm }\n',
      [["syntax", "a list needs brackets: write `[b, c]`", "2:72-2:76"]],
    ],
    ["single quotes", `metric a 'A' { ${METRIC} }\n`, [["syntax", 'strings take straight double quotes: write `"A"`', "2:10-2:13"]]],
    ["curly quotes", `metric a “A” { ${METRIC} }\n`, [["syntax", 'strings take straight double quotes: write `"A"`', "2:10-2:13"]]],
    ["a missing `:`", 'metric a "A" { type input  owner: pmm }\n', [["syntax", "expected `:` after `type`: write `type: input`", "2:16-2:20"]]],
    ["`=` where `:` belongs", 'metric a "A" { type = input  owner: pmm }\n', [["syntax", "write `:` between a property and its value, not `=`", "2:21-2:22"]]],
    ["`;` between properties", 'metric a "A" { type: input; owner: pmm }\n', [["syntax", "remove the `;`: properties are separated by blanks or new lines", "2:27-2:28"]]],
    ["`,` between properties", 'metric a "A" { type: input, owner: pmm }\n', [["syntax", "remove the `,`: properties are separated by blanks or new lines", "2:27-2:28"]]],
    ["a quoted property name", 'metric a "A" { "type": input  owner: pmm }\n', [["syntax", "property names take no quotes: write `type:`", "2:16-2:22"]]],
    ["a capitalised kind word", `Metric a "A" { ${METRIC} }\n`, [["syntax", "declaration kinds are written in lowercase: write `metric`", "2:1-2:7"]]],
    [
      "a missing closing quote",
      `metric a "A { ${METRIC} }\n`,
      [["syntax", 'unterminated string; close it with `"` on the same line (use `"""` for text over several lines)', "2:10-2:12"]],
    ],
    [
      "a missing closing quote before another string on the line",
      `metric a "A { ${METRIC}  levers: ["x"] }\n`,
      [["syntax", 'unterminated string; close it with `"` on the same line (use `"""` for text over several lines)', "2:10-2:12"]],
    ],
    ["a `//` comment", `// a comment\nmetric a "A" { ${METRIC} }\n`, [["syntax", "comments start with `#`: write `# …` instead of `// …`", "2:1-2:3"]]],
    [
      "a YAML list of `- item` lines",
      'metric o "O" { type: output  owner: pmm  dimension: retention\n  inputs:\n    - a\n    - b\n}\nmetric a "A" { type: input  owner: pmm }\nmetric b "B" { type: input  owner: pmm }\n',
      [["invalid-value", "`inputs` takes a list in brackets, not `- item` lines: write `[a, b]`", "4:5-5:8"]],
    ],
    [
      "a name in quotes",
      'metric a "A" { type: input  owner: "pmm" }\n',
      [["invalid-value", '`owner` expects a team id, found `"pmm"`; names take no quotes: write `pmm`', "2:36-2:41"]],
    ],
    [
      "a key result's property written on the objective",
      'okr o "O" { owner: pmm  period: 2026-Q4  current: 40% }\n',
      [
        [
          "invalid-property",
          "`current` belongs on a key result, not on the objective: write it in the key result's block, `kr METRIC: FROM -> TO by PERIOD { current: … }`",
          "2:42-2:49",
        ],
      ],
    ],
    [
      "a property of another kind",
      'team sales "Sales" { role: sales  cadence: weekly }\n',
      [["invalid-property", "a team has no property `cadence` (a metric takes it); move it there or remove it — a team takes `role`", "2:35-2:42"]],
    ],
  ])("%s", (_name, text, expected) => {
    expect(findings(text)).toEqual(expected);
  });
});

describe("human-readable output escapes control characters and never starts a workflow command", () => {
  const HOSTILE = "x\n::error file=README.md,line=1::Injected\n.pmm";
  const files = {
    "pmm.config.yaml": onlyRules("syntax", "unknown-reference"),
    [HOSTILE]: 'metric a "A \u001b]0;pwned\u0007 \u202e" { type: input  owner: nobody }\n',
    "b.pmm": "metric  b  { type: input }\n",
  };

  it("pretty check: ESC, BEL and bidi controls show as escapes; no line begins with `::`", () => {
    const r = pmm(["check", ...TODAY], { cwd: ws(files) });
    expect(r.stdout).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f\u202e]/);
    expect(r.stdout).toContain('metric a "A \\u{1b}]0;pwned\\u{7} \\u{202e}" { type: input  owner: nobody }');
    expect(r.stdout).toContain("  --> x\\u{a}::error file=README.md,line=1::Injected\\u{a}.pmm:1:49\n");
    for (const line of r.stdout.split("\n")) expect(line).not.toMatch(/^\s*::/);
  });

  it("fmt --check lists the file names escaped", () => {
    const r = pmm(["fmt", "--check"], { cwd: ws({ ...files, [HOSTILE]: "metric  a  { type: input }\n" }) });
    expect(r.stdout).toBe("b.pmm\nx\\u{a}::error file=README.md,line=1::Injected\\u{a}.pmm\n");
    for (const line of r.stdout.split("\n")) expect(line).not.toMatch(/^\s*::/);
  });

  it("a file name that starts with `::` cannot start a line either; --format github still escapes its own way", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "::warning::hi.pmm": 'metric a "A" { type: input  owner: nobody }\n' });
    const r = pmm(["check", ...TODAY, "--statistics"], { cwd: dir });
    for (const line of r.stdout.split("\n")) expect(line).not.toMatch(/^\s*::/);
    const f = pmm(["fmt", "--check"], { cwd: ws({ "::warning::hi.pmm": "metric  a  { type: input }\n" }) });
    expect(f.stdout).toBe("\\u{3a}:warning::hi.pmm\n");
    const g = pmm(["check", ...TODAY, "--format", "github"], { cwd: dir });
    expect(g.stdout).toBe(
      "::error file=%3A%3Awarning%3A%3Ahi.pmm,line=1,col=36,endLine=1,endColumn=42,title=pmm(unknown-reference)::unknown team `nobody`; declare it or fix the name\n",
    );
  });
});

describe("pretty output at scale", () => {
  it("cuts a 1.2 MB line to a window around each finding's column (2,000 findings on one line)", () => {
    let line = "";
    const title = "x".repeat(580);
    for (let i = 0; i < 2000; i++) line += `team t${i} "${title}" { role: pmm } `;
    expect(line.length).toBeGreaterThan(1_200_000);
    const r = pmm(["check", ...TODAY, "--no-group"], { cwd: ws({ "pmm.config.yaml": onlyRules("unused-declaration"), "a.pmm": `${line}\n` }) });
    expect(r.code).toBe(0);
    const frames = r.stdout.split("\n").filter((l) => l.startsWith("  > 1 | "));
    expect(frames.length).toBe(2000);
    // the gutter, an ellipsis on each side and 160 characters of the line
    expect(Math.max(...frames.map((l) => l.length))).toBe(8 + 1 + 160 + 1);
    expect(frames[0]).toBe(`  > 1 | ${line.slice(0, 160)}…`);
    const last = line.lastIndexOf("team t1999 ") + 5;
    expect(frames[1999]).toBe(`  > 1 | …${line.slice(last - 40, last + 120)}…`);
  });
});

describe("pmm tree", () => {
  const TREE: Record<string, string> = {
    "a.pmm": [
      'metric arr "ARR" { type: output  dimension: monetization  inputs: [win_rate, deals] }',
      'metric nrr "NRR" { type: output  dimension: retention  inputs: [deals, churn] }',
      'metric win_rate "Win rate" { type: input }',
      "metric deals { type: input }",
      'metric churn "Churn" { type: input }',
      'metric orphan "Orphan" { type: input }',
      'tradeoff arr vs churn { why: "growth must not cost retention" }',
      'workstream w "W" { kpis: [arr, win_rate] }',
      "",
    ].join("\n"),
  };

  it("prints each output with its dimension and its inputs beneath, KPIs and guards marked, shared inputs once", () => {
    const r = pmm(["tree", ...TODAY], { cwd: ws(TREE) });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        'arr "ARR" · monetization · KPI',
        '├─ win_rate "Win rate" · KPI',
        "└─ deals",
        'nrr "NRR" · retention',
        "├─ deals (see above)",
        '└─ churn "Churn" · guard of `arr`',
        "",
        "not an input of any output:",
        'orphan "Orphan"',
        "",
      ].join("\n"),
    );
  });

  it("--depth 0 shows the outputs only", () => {
    const r = pmm(["tree", ...TODAY, "--depth", "0"], { cwd: ws(TREE) });
    expect(r.stdout.split("\n").slice(0, 2)).toEqual(['arr "ARR" · monetization · KPI (2 inputs below --depth)', 'nrr "NRR" · retention (2 inputs below --depth)']);
    const bad = pmm(["tree", ...TODAY, "--depth", "x"], { cwd: ws(TREE) });
    expect(bad.stderr).toBe("pmm: --depth x: expected a whole number of 0 or more\n");
    expect(bad.code).toBe(2);
  });

  it("prints a 2,000-long inputs chain without overflowing the stack, in lines of bounded width", () => {
    const lines: string[] = [];
    for (let i = 0; i < 2000; i++) lines.push(`metric m${i} { type: output  dimension: retention${i < 1999 ? `  inputs: [m${i + 1}]` : ""} }`);
    const r = pmm(["tree", ...TODAY], { cwd: ws({ "a.pmm": `${lines.join("\n")}\n` }) });
    expect(r.code).toBe(0);
    const out = r.stdout.split("\n");
    expect(out[0]).toBe("m0 · retention");
    expect(out[1999]).toMatch(/^ +└─ \(level 1999\) m1999 · retention$/);
    expect(out[2000]).toBe("m1 (see above)");
    expect(Math.max(...out.map((l) => l.length))).toBeLessThan(120);
  });
});

describe("summary actions", () => {
  it("has one line of what to do for every rule", async () => {
    const { RULES } = await import("../packages/core/src/index.js");
    const { RULE_ACTIONS } = await import("../packages/cli/src/rule-actions.js");
    expect(RULES.map((r) => r.id).filter((id) => !RULE_ACTIONS.has(id))).toEqual([]);
    expect([...RULE_ACTIONS.keys()].filter((id) => !RULES.some((r) => r.id === id))).toEqual([]);
  });
});
