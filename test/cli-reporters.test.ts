// `pmm check --format sarif|github|junit` end to end, SARIF validated against the official 2.1.0 schema.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import Ajv4Module from "ajv-draft-04";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import { RULES } from "../packages/core/src/index.js";
import { onlyRules, pmm, ROOT, TWO_FILES, useWorkspaces } from "./fixtures/cli/run-cli.js";

const Ajv4 = Ajv4Module as unknown as typeof Ajv4Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

const TODAY = ["--today", "2026-11-23"];
const ws = useWorkspaces();

/** The official SARIF 2.1.0 schema, vendored in `test/fixtures/schemas/`. */
function sarifValidator(): (v: unknown) => { ok: boolean; errors: string } {
  const schema = JSON.parse(readFileSync(resolve(ROOT, "test/fixtures/schemas/sarif-schema-2.1.0.json"), "utf8"));
  const ajv = new Ajv4({ allErrors: true, strict: false });
  addFormats(ajv);
  const validate = ajv.compile(schema);
  return (v) => ({ ok: validate(v) as boolean, errors: ajv.errorsText(validate.errors) });
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  fullDescription: { text: string };
  help: { text: string; markdown: string };
  helpUri: string;
  defaultConfiguration: { level: string };
}

describe("--format sarif", () => {
  const validate = sarifValidator();

  it("is valid SARIF 2.1.0 and lists every registered rule with its docs page", () => {
    for (const args of [
      ["examples/acme"],
      [ws(TWO_FILES)],
      [ws({ "pmm.config.yaml": onlyRules("duplicate-id", "blueprint-count"), "a.pmm": 'team pmm "PMM" { role: pmm }\nteam pmm "Again" { role: pmm }\n' })],
    ]) {
      const r = pmm(["check", ...args, ...TODAY, "--format", "sarif"]);
      const log = JSON.parse(r.stdout);
      const v = validate(log);
      expect(v.errors).toBe("No errors");
      expect(v.ok).toBe(true);
      expect(log.version).toBe("2.1.0");
      const run = log.runs[0];
      expect(run.columnKind).toBe("utf16CodeUnits");
      const driver = run.tool.driver;
      expect(driver.name).toBe("pmm");
      expect(driver.version).toBe(JSON.parse(readFileSync(resolve(ROOT, "packages/cli/package.json"), "utf8")).version);
      expect(driver.informationUri).toBe("https://github.com/pmm-dev/pmm");
      const rules = driver.rules as SarifRule[];
      expect(rules.map((x) => x.id)).toEqual(RULES.map((x) => x.id));
      for (const [i, rule] of rules.entries()) {
        const meta = RULES[i]!.meta;
        expect(rule.helpUri).toBe(`https://github.com/pmm-dev/pmm/blob/main/docs/rules/${rule.id}.md`);
        expect(rule.shortDescription.text).toBe(meta.description);
        expect(rule.fullDescription.text.length).toBeGreaterThan(0);
        expect(rule.help.markdown.startsWith(`# ${rule.id}\n`)).toBe(true);
        expect(rule.help.text).toBe(rule.help.markdown);
        expect(rule.defaultConfiguration.level).toBe(meta.severity === "error" ? "error" : meta.severity === "warning" ? "warning" : "note");
      }
    }
  });

  it("embeds a rule's docs page as its help, from any working directory", () => {
    const page = readFileSync(resolve(ROOT, "docs/rules/syntax.md"), "utf8");
    const r = pmm(["check", resolve(ROOT, "examples/acme"), ...TODAY, "--format", "sarif"], { cwd: ws({}) });
    const rule = (JSON.parse(r.stdout).runs[0].tool.driver.rules as SarifRule[]).find((x) => x.id === "syntax")!;
    expect(rule.help.markdown).toBe(page);
    expect(rule.fullDescription.text.startsWith("Reports text that does not match the `.pmm` grammar")).toBe(true);
  });

  it("gives results exact regions, rule indexes, related locations and no location for a file-less finding", () => {
    const dir = ws({
      "pmm.config.yaml": onlyRules("duplicate-id", "blueprint-count", "syntax", "unknown-reference"),
      "a.pmm": 'team pmm "PMM" { role: pmm }\nteam pmm "Again" { role: pmm }\n',
    });
    const r = pmm(["check", ...TODAY, "--format", "sarif"], { cwd: dir });
    expect(r.code).toBe(1);
    const results = JSON.parse(r.stdout).runs[0].results;
    const index = (id: string): number => RULES.findIndex((x) => x.id === id);
    const region = (line: number, offset: number) => ({ startLine: line, startColumn: 6, endLine: line, endColumn: 9, charOffset: offset, charLength: 3 });
    expect(results.map((x: { ruleId: string }) => x.ruleId)).toEqual(["blueprint-count", "duplicate-id", "duplicate-id"]);
    expect(results[0]).toMatchObject({ ruleId: "blueprint-count", ruleIndex: index("blueprint-count"), level: "warning" });
    expect(results[0].locations).toBeUndefined();
    expect(results[1]).toMatchObject({
      ruleId: "duplicate-id",
      ruleIndex: index("duplicate-id"),
      level: "error",
      message: { text: "`pmm` is declared 2 times; ids are shared by every kind across the workspace — rename one" },
      locations: [{ physicalLocation: { artifactLocation: { uri: "a.pmm" }, region: region(1, 5) }, logicalLocations: [{ name: "pmm", kind: "declaration" }] }],
      relatedLocations: [{ id: 1, physicalLocation: { artifactLocation: { uri: "a.pmm" }, region: region(2, 34) }, message: { text: "`pmm` is also declared here (team)" } }],
    });
    expect(results[2].locations[0].physicalLocation.region).toEqual(region(2, 34));
    // Identical findings keep distinct fingerprints.
    expect(results[1].partialFingerprints["pmmFinding/v1"]).not.toBe(results[2].partialFingerprints["pmmFinding/v1"]);
  });

  it("percent-encodes artifact URIs (RFC 3986) and stays valid SARIF", () => {
    const dir = ws({
      "pmm.config.yaml": onlyRules("unknown-reference"),
      "a b#c?d%20e.pmm": 'metric a "A" { type: input  owner: nobody }\n',
      "dir é/x:y.pmm": 'metric b "B" { type: input  owner: nobody }\n',
    });
    const r = pmm(["check", ...TODAY, "--format", "sarif"], { cwd: dir });
    const log = JSON.parse(r.stdout);
    expect(validate(log).errors).toBe("No errors");
    const uris = log.runs[0].results.map(
      (x: { locations: Array<{ physicalLocation: { artifactLocation: { uri: string } } }> }) => x.locations[0]!.physicalLocation.artifactLocation.uri,
    );
    expect(uris).toEqual(["a%20b%23c%3Fd%2520e.pmm", "dir%20%C3%A9/x%3Ay.pmm"]);
    // each decodes back to the path
    expect(uris.map((u: string) => u.split("/").map(decodeURIComponent).join("/"))).toEqual(["a b#c?d%20e.pmm", "dir é/x:y.pmm"]);
  });

  it("maps info and hint to note", () => {
    const dir = ws({ "pmm.config.yaml": `${onlyRules("unknown-reference")}  unknown-reference: hint\n`, "a.pmm": 'metric a "A" { type: input  owner: nobody }\n' });
    const r = pmm(["check", ...TODAY, "--format", "sarif"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).runs[0].results[0].level).toBe("note");
  });
});

describe("--format github", () => {
  it("writes one workflow command per finding with exact positions", () => {
    const r = pmm(["check", ...TODAY, "--format", "github"], { cwd: ws(TWO_FILES) });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      "::error file=a.pmm,line=7,col=1,endLine=7,endColumn=7,title=pmm(syntax)::expected `}` to close `metric win_rate`, found `metric`\n" +
        "::error file=b.pmm,line=3,col=10,endLine=3,endColumn=16,title=pmm(unknown-reference)::unknown team `nobody`; declare it or fix the name\n",
    );
  });

  it("escapes `,` and `:` in properties, uses ::warning and ::notice, and leaves out the location of a file-less finding", () => {
    const config = `${onlyRules("unknown-reference", "blueprint-count")}  unknown-reference: info\n`;
    const dir = ws({ "pmm.config.yaml": config, "a,b:c%.pmm": 'metric a "A" { type: input  owner: nobody }\n' });
    const r = pmm(["check", ...TODAY, "--format", "github"], { cwd: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      '::warning title=pmm(blueprint-count)::the workspace has no blueprint; add `blueprint ID "Name" { maturity: 3  sales_cycle: 45d }`\n' +
        "::notice file=a%2Cb%3Ac%25.pmm,line=1,col=36,endLine=1,endColumn=42,title=pmm(unknown-reference)::unknown team `nobody`; declare it or fix the name\n",
    );
  });

  it("prints nothing for a clean workspace", () => {
    const r = pmm(["check", "examples/acme", ...TODAY, "--format", "github"]);
    expect(r.stdout).toBe("");
    expect(r.code).toBe(0);
  });
});

describe("--format junit", () => {
  it("writes one test case per file, a failure per finding, XML-escaped", () => {
    const dir = ws({ ...TWO_FILES, "c.pmm": 'team sales "Sales & <Ops>" { role: sales }\n' });
    const r = pmm(["check", ...TODAY, "--format", "junit"], { cwd: dir });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe(
      [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<testsuites name="pmm" tests="3" failures="2" errors="0">',
        '  <testsuite name="pmm check" tests="3" failures="2" errors="0" skipped="0">',
        '    <testcase classname="pmm" name="a.pmm" file="a.pmm">',
        '      <failure message="expected `}` to close `metric win_rate`, found `metric`" type="syntax" line="7" column="1">a.pmm:7:1 error syntax: expected `}` to close `metric win_rate`, found `metric`</failure>',
        "    </testcase>",
        '    <testcase classname="pmm" name="b.pmm" file="b.pmm">',
        '      <failure message="unknown team `nobody`; declare it or fix the name" type="unknown-reference" line="3" column="10">b.pmm:3:10 error unknown-reference: unknown team `nobody`; declare it or fix the name</failure>',
        "    </testcase>",
        '    <testcase classname="pmm" name="c.pmm" file="c.pmm"/>',
        "  </testsuite>",
        "</testsuites>",
        "",
      ].join("\n"),
    );
  });

  it("escapes XML in messages and puts file-less findings in a `(workspace)` case", () => {
    const dir = ws({ "pmm.config.yaml": onlyRules("unknown-reference", "blueprint-count"), "a.pmm": 'metric a "A" { type: input  owner: x_y }\n' });
    const r = pmm(["check", ...TODAY, "--format", "junit"], { cwd: dir });
    expect(r.stdout).toContain(
      '<testcase classname="pmm" name="(workspace)">\n      <failure message="the workspace has no blueprint; add `blueprint ID &quot;Name&quot; { maturity: 3  sales_cycle: 45d }`" type="blueprint-count">workspace warning blueprint-count: the workspace has no blueprint; add `blueprint ID &quot;Name&quot; { maturity: 3  sales_cycle: 45d }`</failure>',
    );
    expect(r.stdout).toContain('tests="2" failures="2"');
  });

  it("passes every file of a clean workspace", () => {
    const r = pmm(["check", "examples/acme", ...TODAY, "--format", "junit"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('<testsuite name="pmm check" tests="15" failures="0" errors="0" skipped="0">');
    expect(r.stdout.match(/<testcase /g)?.length).toBe(15);
    expect(r.stdout).not.toContain("<failure");
  });
});
