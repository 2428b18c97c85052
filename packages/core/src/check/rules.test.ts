// One driver for every rule's fixtures (docs/architecture.md, A rule): fixtures/rules/<rule-id>/
//   valid/*.pmm (or folders of .pmm files)   — must give no diagnostic of that rule
//   invalid/*.pmm (or folders) + NAME.expected — exactly these diagnostics of that rule
// A fixture may carry NAME.options.json: { "severity"?, "options"?, "vanityTerms"? }, and
// NAME.semantic_manifest.json (a dbt semantic manifest, for `dbt-drift`).
// UPDATE=1 rewrites the .expected snapshots; a reviewer reads the diff.
// The meta test below checks every rule has docs, fixtures, and uses its messages.
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Catalog, checkWorkspace, parseDbtManifest, type Diagnostic, type RuleConfig, type WorkspaceFile } from "../index.js";
import { RULES } from "./rules/index.js";

const ROOT = new URL("../../fixtures/rules/", import.meta.url).pathname;
const DOCS = new URL("../../../../docs/rules/", import.meta.url).pathname;
const TODAY = "2026-11-23";
const used = new Map<string, Set<string>>();

function filesOf(path: string): WorkspaceFile[] {
  // Bytes, as the CLI and the server pass them: the core decodes (and reports bytes that are not UTF-8).
  if (statSync(path).isFile()) return [{ path: path.split("/").pop()!, contents: readFileSync(path) }];
  const out: WorkspaceFile[] = [];
  const walk = (dir: string, prefix: string): void => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else if (name.endsWith(".pmm")) out.push({ path: `${prefix}${name}`, contents: readFileSync(full) });
    }
  };
  walk(path, "");
  return out;
}

function fixtures(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.endsWith(".pmm") || statSync(join(dir, n)).isDirectory())
    .sort();
}

/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

function run(ruleId: string, path: string): { lines: string[]; diagnostics: Diagnostic[] } {
  const base = path.replace(/\.pmm$/, "");
  const optsFile = `${base}.options.json`;
  const extra = existsSync(optsFile) ? (JSON.parse(readFileSync(optsFile, "utf8")) as RuleConfig & { vanityTerms?: string[]; today?: string }) : {};
  const files = filesOf(path);
  const rules = new Map<string, RuleConfig>();
  if (extra.severity || extra.options) rules.set(ruleId, { ...(extra.severity ? { severity: extra.severity } : {}), ...(extra.options ? { options: extra.options } : {}) });
  // A fixture may carry NAME.semantic_manifest.json: the dbt semantic manifest the check compares with.
  const manifestFile = `${base}.semantic_manifest.json`;
  const parsed = existsSync(manifestFile) ? parseDbtManifest(readFileSync(manifestFile, "utf8")) : null;
  if (parsed?.error !== undefined) throw new Error(`${manifestFile}: ${parsed.error}`);
  const { program, diagnostics } = checkWorkspace(
    files,
    { today: extra.today ?? TODAY, rules, vanityTerms: extra.vanityTerms ?? [], dbtManifest: parsed?.manifest ?? null },
    { catalog: CATALOG },
  );
  const mine = diagnostics.filter((d) => d.rule === ruleId);
  const single = files.length === 1 && statSync(path).isFile();
  const lines = mine.map((d) => {
    if (!d.file || !d.span) return `(workspace) ${d.severity} ${d.rule} ${d.message}`;
    const f = program.files.find((x) => x.path === d.file)!;
    const s = f.lines.position(d.span.start);
    const e = f.lines.position(d.span.end);
    const where = `${s.line + 1}:${s.character + 1}-${e.line + 1}:${e.character + 1}`;
    return `${single ? "" : `${d.file}:`}${where} ${d.severity} ${d.rule} ${d.message}`;
  });
  return { lines, diagnostics: mine };
}

for (const rule of RULES) {
  const dir = join(ROOT, rule.id);
  // A rule without fixtures fails the meta test below; an empty suite would only add noise.
  if (fixtures(join(dir, "valid")).length + fixtures(join(dir, "invalid")).length === 0) continue;
  describe(`rule ${rule.id}`, () => {
    for (const name of fixtures(join(dir, "valid"))) {
      it(`valid/${name} passes`, () => {
        expect(run(rule.id, join(dir, "valid", name)).lines).toEqual([]);
      });
    }
    for (const name of fixtures(join(dir, "invalid"))) {
      it(`invalid/${name} reports exactly the expected diagnostics`, () => {
        const path = join(dir, "invalid", name);
        const { lines, diagnostics } = run(rule.id, path);
        const expectedFile = `${path.replace(/\.pmm$/, "")}.expected`;
        const set = used.get(rule.id) ?? new Set<string>();
        for (const d of diagnostics) if (d.messageId) set.add(d.messageId);
        used.set(rule.id, set);
        if (process.env["UPDATE"] === "1") writeFileSync(expectedFile, lines.length ? `${lines.join("\n")}\n` : "");
        expect(lines.length).toBeGreaterThan(0);
        const expected = readFileSync(expectedFile, "utf8")
          .split("\n")
          .filter((l) => l !== "");
        expect(lines).toEqual(expected);
      });
    }
  });
}

describe("rule registry (meta)", () => {
  it("is sorted by id and has no duplicates", () => {
    const ids = RULES.map((r) => r.id);
    expect(ids).toEqual([...new Set(ids)].sort());
  });

  it("matches the rule files one to one", () => {
    const files = readdirSync(new URL("./rules/", import.meta.url).pathname)
      .filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "index.ts")
      .map((f) => f.replace(/\.ts$/, ""))
      .sort();
    expect(RULES.map((r) => r.id)).toEqual(files);
  });

  for (const rule of RULES) {
    it(`${rule.id} has a docs page with the fixed headings`, () => {
      const page = join(DOCS, `${rule.id}.md`);
      expect(existsSync(page), `${page} is missing`).toBe(true);
      const text = readFileSync(page, "utf8");
      expect(text.startsWith(`# ${rule.id}`)).toBe(true);
      for (const h of ["## What it checks", "## Why", "## How to fix", "## Options"]) expect(text, `${rule.id}.md lacks ${h}`).toContain(h);
    });

    it(`${rule.id} has valid and invalid fixtures`, () => {
      expect(fixtures(join(ROOT, rule.id, "valid")).length).toBeGreaterThan(0);
      expect(fixtures(join(ROOT, rule.id, "invalid")).length).toBeGreaterThan(0);
    });

    it(`${rule.id} uses every message it declares in its fixtures`, () => {
      const declared = Object.keys(rule.meta.messages).sort();
      expect(declared.length).toBeGreaterThan(0);
      expect([...(used.get(rule.id) ?? [])].sort()).toEqual(declared);
    });
  }
});
