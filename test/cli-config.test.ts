// `pmm.config.yaml` end to end: discovery, `--config`, `--rule`, include/exclude, today, and every bad config as one line and exit 2.
import { mkdirSync, symlinkSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema } from "../packages/core/src/index.js";
import { isOneLine, onlyRules, pmm, ROOT, useWorkspaces } from "./fixtures/cli/run-cli.js";

const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();

/** A file with one unknown owner (an `unknown-reference` error). */
const BAD_OWNER = 'metric a "A" { type: input  owner: nobody }\n';
const TEAM = 'team pmm "PMM" { role: pmm }\n';

/** The classic billion laughs, nine levels deep: 9^9 strings if expanded. */
const ALIAS_BOMB = [
  'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
  ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => {
    const prev = "abcdefgh"[i]!;
    return `${k}: &${k} [${Array(9).fill(`*${prev}`).join(",")}]`;
  }),
  "",
].join("\n");

function rulesOf(stdout: string): string[] {
  return (JSON.parse(stdout).diagnostics as { rule: string }[]).map((d) => d.rule);
}

describe("bad configs: exit 2, one line on stderr with the position, the key path and what was expected", () => {
  const cases: [string, string][] = [
    ["rules:\n  kpi-count: {severity: bogus}\n", "2:25: rules.kpi-count.severity must be one of error, warning, info, hint or off"],
    ["rules:\n  kpi-count: loud\n", "2:14: rules.kpi-count must be a severity (error, warning, info, hint or off) or a mapping with `severity` and `options`"],
    ["rules:\n  kpi-count: {sevrity: error}\n", "2:15: rules.kpi-count.sevrity is not a rule setting (expected severity or options)"],
    ["rules:\n  kpi-cont: error\n", "2:3: rules.kpi-cont is not a rule; did you mean `kpi-count`?"],
    ["rules:\n  __proto__: error\n", "2:3: rules.__proto__ is not a rule; `pmm explain` lists the rules"],
    ["rule:\n  kpi-count: error\n", "1:1: rule is not a config key (expected one of rules, include, exclude, vanity_terms, today, dbt_manifest); did you mean `rules`?"],
    ["today: 2026-02-30\n", "1:8: today must be a date as YYYY-MM-DD"],
    ["today: 20261123\n", "1:8: today must be a string"],
    ["include: src/*.pmm\n", "1:10: include must be a list"],
    ["exclude: [1]\n", "1:11: exclude[0] must be a string"],
    ['vanity_terms: [reach, ""]\n', "1:23: vanity_terms[1] must not be empty"],
    ["- a\n- b\n", "1:1: the top level must be a mapping of rules, include, exclude, vanity_terms, today, dbt_manifest"],
    ["dbt_manifest: [a]\n", "1:15: dbt_manifest must be a string"],
    ['dbt_manifest: ""\n', "1:15: dbt_manifest must not be empty"],
    [
      "dbt_manifst: target/semantic_manifest.json\n",
      "1:1: dbt_manifst is not a config key (expected one of rules, include, exclude, vanity_terms, today, dbt_manifest); did you mean `dbt_manifest`?",
    ],
  ];
  for (const [yaml, message] of cases) {
    it(`${JSON.stringify(yaml)} → ${message}`, () => {
      const dir = ws({ "pmm.config.yaml": yaml, "a.pmm": TEAM });
      const r = pmm(["check", ...TODAY], { cwd: dir });
      expect(r.stderr).toBe(`pmm: pmm.config.yaml:${message}\n`);
      expect(r.stdout).toBe("");
      expect(r.code).toBe(2);
    });
  }

  it("names an option that does not exist, with the rule's options", () => {
    const options = configSchema() as {
      properties: { rules: { properties: Record<string, { oneOf: [unknown, { properties: { options: { properties: Record<string, unknown> } } }] }> } };
    };
    const [id, rule] = Object.entries(options.properties.rules.properties).find(([, r]) => Object.keys(r.oneOf[1].properties.options.properties).length > 0)!;
    const names = Object.keys(rule.oneOf[1].properties.options.properties).sort();
    const dir = ws({ "pmm.config.yaml": `rules:\n  ${id}:\n    options:\n      zzzz_unknown: 3\n`, "a.pmm": TEAM });
    const r = pmm(["check", ...TODAY], { cwd: dir });
    expect(r.stderr).toBe(`pmm: pmm.config.yaml:4:7: rules.${id}.options.zzzz_unknown is not an option of \`${id}\` (expected one of ${names.join(", ")})\n`);
    expect(r.code).toBe(2);
  });

  it("reports YAML syntax errors with the line and column", () => {
    const cases: [string, string][] = [
      ["rules:\n  a: 1\n  a: 2\n", "pmm.config.yaml:3:3: invalid YAML: map keys must be unique"],
      ["a: 1\n---\nb: 2\n", "pmm.config.yaml:2:1: invalid YAML: a config holds one YAML document, found more"],
    ];
    for (const [yaml, message] of cases) {
      const r = pmm(["check", ...TODAY], { cwd: ws({ "pmm.config.yaml": yaml, "a.pmm": TEAM }) });
      expect(r.stderr).toBe(`pmm: ${message}\n`);
      expect(r.code).toBe(2);
    }
  });

  it("refuses custom tags without running them", () => {
    const cases: [string, string][] = [
      ['today: !!js/function "function () { process.exit(7) }"\n', "pmm.config.yaml:1:8: the tag `!!js/function` is not allowed; a config holds plain values only"],
      ["rules:\n  kpi-count: !custom error\n", "pmm.config.yaml:2:14: the tag `!custom` is not allowed; a config holds plain values only"],
      ["vanity_terms: !!set {a, b}\n", "pmm.config.yaml:1:15: the tag `!!set` is not allowed; a config holds plain values only"],
    ];
    for (const [yaml, message] of cases) {
      const r = pmm(["check", ...TODAY], { cwd: ws({ "pmm.config.yaml": yaml, "a.pmm": TEAM }) });
      expect(r.stderr).toBe(`pmm: ${message}\n`);
      expect(r.code).toBe(2);
    }
  });

  it("accepts the core schema's own tags", () => {
    const yaml = `${onlyRules()}today: !!str 2026-11-23\nvanity_terms: !!seq [reach]\n`;
    const r = pmm(["check", "--format", "json"], { cwd: ws({ "pmm.config.yaml": yaml, "a.pmm": TEAM }) });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
  });

  it("rejects a nine-level alias bomb quickly, without expanding it", () => {
    const dir = ws({ "pmm.config.yaml": ALIAS_BOMB, "a.pmm": TEAM });
    const t0 = performance.now();
    pmm(["--version"], { cwd: dir });
    const startup = performance.now() - t0;
    const started = performance.now();
    const r = pmm(["check", ...TODAY], { cwd: dir });
    const ms = performance.now() - started;
    expect(r.stderr).toBe("pmm: pmm.config.yaml:2:8: YAML aliases expand too far (more than 100); write the values out\n");
    expect(r.code).toBe(2);
    // The whole process, Node start-up included, in well under a second (expanding
    // 9^9 strings would take minutes); only a machine too loaded to start Node in
    // 450 ms gets more room.
    expect(ms).toBeLessThan(Math.max(900, 2 * startup));
  });

  it("allows a few aliases for shared settings", () => {
    const yaml = `shared: &loud {severity: error}\n`.replace("shared", "rules:\n  kpi-count") + "  kpi-total: *loud\n";
    const r = pmm(["check", "--format", "json", ...TODAY], { cwd: ws({ "pmm.config.yaml": yaml, "a.pmm": TEAM }) });
    expect(r.stderr).toBe("");
  });

  it("exits 2 for a --config file that does not exist, and for a folder", () => {
    const dir = ws({ "a.pmm": TEAM, "cfg/x": "" });
    const r = pmm(["check", "--config", "nope.yaml", ...TODAY], { cwd: dir });
    expect(r.stderr).toBe("pmm: nope.yaml: no such config file\n");
    expect(r.code).toBe(2);
    const d = pmm(["check", "--config", "cfg", ...TODAY], { cwd: dir });
    expect(d.stderr).toBe("pmm: cfg: the config must be a file\n");
    expect(d.code).toBe(2);
  });

  it("prints every error path as exactly one line without a stack trace", () => {
    const dir = ws({ "pmm.config.yaml": "rules: [\n", "a.pmm": TEAM });
    for (const args of [["check"], ["check", "--baseline", "none.json"], ["explain", "nothing-like-this"], ["check", "x", "--today", "no"]]) {
      const r = pmm(args, { cwd: dir });
      expect(isOneLine(r.stderr)).toBe(true);
      expect(r.code).toBe(2);
    }
  });
});

describe("finding and applying the config", () => {
  it("follows a pmm.config.yaml that is a symbolic link (from the workspace folder and from a subfolder)", () => {
    const dir = ws({ "shared/team-config.yaml": "rules:\n  unknown-reference: off\n", "a.pmm": BAD_OWNER, "sub/b.pmm": BAD_OWNER });
    symlinkSync("shared/team-config.yaml", join(dir, "pmm.config.yaml"));
    for (const args of [["check"], ["check", "sub"]]) {
      const r = pmm([...args, "--format", "json", ...TODAY], { cwd: dir });
      expect(r.stderr).toBe("");
      expect(JSON.parse(r.stdout).diagnostics.filter((d: { rule: string }) => d.rule === "unknown-reference")).toEqual([]);
    }
  });

  it("exits 2 with one line when the pmm.config.yaml found is not a file (a folder, a device)", () => {
    const dir = ws({ "a.pmm": TEAM });
    mkdirSync(join(dir, "pmm.config.yaml"));
    const r = pmm(["check", ...TODAY], { cwd: dir });
    expect(r).toEqual({ code: 2, stdout: "", stderr: "pmm: pmm.config.yaml: the config must be a file\n" });
    const dev = ws({ "a.pmm": TEAM });
    symlinkSync("/dev/zero", join(dev, "pmm.config.yaml"));
    const d = pmm(["fmt", "--check", ...[]], { cwd: dev });
    expect(d).toEqual({ code: 2, stdout: "", stderr: "pmm: pmm.config.yaml: the config must be a file\n" });
  });

  it("walks up from the first path to find pmm.config.yaml", () => {
    const dir = ws({ "pmm.config.yaml": "rules:\n  unknown-reference: off\n", "deep/er/a.pmm": BAD_OWNER });
    const r = pmm(["check", "deep/er", "--format", "json", ...TODAY], { cwd: dir });
    expect(rulesOf(r.stdout)).not.toContain("unknown-reference");
    // Without the config, the same file fails.
    const bare = ws({ "deep/er/a.pmm": BAD_OWNER });
    expect(rulesOf(pmm(["check", "deep/er", "--format", "json", ...TODAY], { cwd: bare }).stdout)).toContain("unknown-reference");
  });

  it("uses --config FILE instead of the nearest config", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "alt.yaml": onlyRules("blueprint-count"), "a.pmm": BAD_OWNER });
    expect(rulesOf(pmm(["check", "--format", "json", ...TODAY], { cwd: dir }).stdout)).toEqual(["unknown-reference"]);
    expect(rulesOf(pmm(["check", "--config", "alt.yaml", "--format", "json", ...TODAY], { cwd: dir }).stdout)).toEqual(["blueprint-count"]);
  });

  it("--rule ID=SEVERITY overrides the config, repeated, later wins", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "a.pmm": BAD_OWNER });
    const warn = pmm(["check", "--rule", "unknown-reference=warning", "--format", "json", ...TODAY], { cwd: dir });
    expect(JSON.parse(warn.stdout).diagnostics[0].severity).toBe("warning");
    expect(warn.code).toBe(0);
    const twice = pmm(["check", "--rule", "unknown-reference=warning", "--rule", "blueprint-count=error", "--rule", "unknown-reference=off", "--format", "json", ...TODAY], {
      cwd: dir,
    });
    expect(JSON.parse(twice.stdout).diagnostics.map((d: { rule: string; severity: string }) => `${d.rule} ${d.severity}`)).toEqual(["blueprint-count error"]);
    expect(twice.code).toBe(1);
  });

  it("include and exclude pick the files, relative to the config's folder", () => {
    const dir = ws({
      "pmm.config.yaml": `${onlyRules("unknown-reference")}include: ["src/**/*.pmm"]\nexclude: ["src/drafts/**"]\n`,
      "src/a.pmm": BAD_OWNER,
      "src/drafts/b.pmm": BAD_OWNER,
      "other/c.pmm": BAD_OWNER,
    });
    const r = pmm(["check", "--format", "json", ...TODAY], { cwd: dir });
    expect(JSON.parse(r.stdout).diagnostics.map((d: { file: string }) => d.file)).toEqual(["src/a.pmm"]);
    const junit = pmm(["check", "--format", "junit", ...TODAY], { cwd: dir });
    expect(junit.stdout).toContain('tests="1"');
  });

  it("takes `today` from the config; --today wins over it", () => {
    const pmmFile = "# pmm-ignore unused-declaration until 2026-10-31: onboarding the team\nteam pmm { role: pmm }\n";
    const early = ws({ "pmm.config.yaml": `${onlyRules("expired-suppression", "unused-declaration")}today: 2026-10-01\n`, "a.pmm": pmmFile });
    expect(rulesOf(pmm(["check", "--format", "json"], { cwd: early }).stdout)).toEqual([]);
    expect(rulesOf(pmm(["check", "--format", "json", "--today", "2026-11-23"], { cwd: early }).stdout)).toContain("expired-suppression");
  });
});

describe("the published config schema", () => {
  it("the bundled CLI finds the config beside a file given from another folder", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference"), "a.pmm": BAD_OWNER });
    const r = pmm(["check", resolve(dir, "a.pmm"), ...TODAY, "--format", "json"], { cwd: ROOT });
    expect(rulesOf(r.stdout)).toEqual(["unknown-reference"]);
    expect(r.code).toBe(1);
  });
});
