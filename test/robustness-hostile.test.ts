// Hostile input (quality.md, Robustness): prototype-named ids, huge files,
// deep nesting, huge strings and lines, NUL bytes and invalid UTF-8 give a
// diagnostic or a result in bounded time, never a crash, a hang or a stack
// overflow; the CLI refuses YAML alias bombs and custom tags with exit 2.
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Catalog, checkWorkspace, Workspace, type Diagnostic } from "../packages/core/src/index.js";
import { generate } from "./bench/generate.mjs";
import { ensureBuilt, pmm, workspace } from "./fixtures/cli/run-cli.js";

const TODAY = "2026-11-23";
const NESTING = "nesting too deep: at most 256 levels of parentheses, brackets and braces";
/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

function check(text: string | Uint8Array, path = "a.pmm"): { diagnostics: Diagnostic[]; ms: number } {
  const start = performance.now();
  const { diagnostics } = checkWorkspace([{ path, contents: text }], { today: TODAY }, { catalog: CATALOG });
  return { diagnostics, ms: performance.now() - start };
}

function syntax(ds: Diagnostic[]): Array<[number, number, string]> {
  return ds.filter((d) => d.rule === "syntax").map((d) => [d.span!.start, d.span!.end, d.message]);
}

function inRange(ds: Diagnostic[], length: number): void {
  for (const d of ds) if (d.span) expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= length, JSON.stringify(d)).toBe(true);
}

describe("prototype-named ids are ordinary names", () => {
  const text = [
    'team __proto__ "Proto" { role: pmm }',
    'team constructor "Ctor" { role: sales }',
    'metric hasOwnProperty "H" {\n  type: input\n  owner: __proto__\n  source: toString\n}',
    'metric toString "T" { type: input  owner: constructor  formula: hasOwnProperty + valueOf }',
    'metric __proto__ "Dup" { type: input  owner: constructor  polluted: true }',
    "",
  ].join("\n");

  it("resolve like any other id, and pollute nothing", () => {
    const { diagnostics, ms } = check(text);
    const ws = new Workspace();
    ws.set("a.pmm", text);
    const program = ws.program(TODAY);
    expect(program.byId.get("__proto__")!.map((d) => d.kind)).toEqual(["team", "metric"]);
    expect(program.lookup("constructor")!.kind).toBe("team");
    expect(program.metric("toString")!.id).toBe("toString");
    expect(program.metric("hasOwnProperty")!.prop("owner")!.value).toMatchObject({ expr: { name: "__proto__" } });
    expect(program.metric("valueOf")).toBeUndefined();
    // `owner: __proto__` and `owner: constructor` resolve to the teams
    const owners = program.references.filter((r) => r.property === "owner");
    expect(owners.map((r) => [r.name, r.target?.kind])).toEqual([
      ["__proto__", "team"],
      ["constructor", "team"],
      ["constructor", "team"],
    ]);
    const refs = diagnostics.filter((d) => d.rule === "unknown-reference" || d.rule === "wrong-kind-reference" || d.rule === "duplicate-id" || d.rule === "invalid-property");
    expect(refs.map((d) => [d.rule, d.span!.start, text.slice(d.span!.start, d.span!.end)])).toEqual([
      ["duplicate-id", 5, "__proto__"],
      ["wrong-kind-reference", text.indexOf("toString"), "toString"],
      ["unknown-reference", text.indexOf("valueOf"), "valueOf"],
      ["duplicate-id", text.lastIndexOf("__proto__"), "__proto__"],
      ["invalid-property", text.indexOf("polluted"), "polluted"],
    ]);
    expect(refs[2]!.message).toContain("`valueOf`");
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain("polluted");
    expect(ms).toBeLessThan(2000);
  });
});

describe("huge and deep input", () => {
  it("a 5 MB workspace file checks in bounded time with every range inside it", () => {
    const g = generate({ metrics: 12000, seed: 7 });
    const big = g.files.map((f) => f.text).join("\n");
    expect(big.length).toBeGreaterThan(5_000_000);
    const { diagnostics, ms } = check(big, "big.pmm");
    inRange(diagnostics, big.length);
    expect(syntax(diagnostics)).toEqual([]);
    expect(ms).toBeLessThan(30_000);
  }, 60_000);

  it.each([
    ["parentheses", "(", ")"],
    ["brackets", "[", "]"],
    ["braces", "{", "}"],
  ])("10,000-deep %s: `nesting too deep`, no stack overflow", (_, open, close) => {
    const head = "metric m {\n  formula: ";
    const text = `${head}${open.repeat(10_000)}a${close.repeat(10_000)}\n}\nteam t { role: pmm }\n`;
    const { diagnostics, ms } = check(text);
    const deep = syntax(diagnostics).filter(([, , m]) => m === NESTING);
    // `metric m {` opens level 1, so the 256th opener inside the value is level 257
    const at = head.length + 255;
    expect(deep).toEqual([[at, at + 1, NESTING]]);
    inRange(diagnostics, text.length);
    expect(ms).toBeLessThan(5_000);
  });

  it("10,000 nested blocks at the top level: `nesting too deep`", () => {
    const text = `team t ${"{".repeat(10_000)}${"}".repeat(10_000)}\n`;
    const { diagnostics } = check(text);
    expect(syntax(diagnostics).filter(([, , m]) => m === NESTING)).toEqual([[7 + 256, 7 + 257, NESTING]]);
  });

  it("10,000 unary minuses: `nesting too deep`", () => {
    const text = `metric m { formula: ${"-".repeat(10_000)}a }\n`;
    expect(syntax(check(text).diagnostics).map(([, , m]) => m)).toContain(NESTING);
  });

  it("a 1 MB string is one value", () => {
    const body = "x".repeat(1 << 20);
    const text = `metric m "M" {\n  definition: "${body}"\n}\n`;
    const { diagnostics, ms } = check(text);
    expect(syntax(diagnostics)).toEqual([]);
    const ws = new Workspace();
    ws.set("a.pmm", text);
    expect(ws.program(TODAY).metric("m")!.definition).toBe(body);
    expect(ms).toBeLessThan(5_000);
  });

  it("an unterminated 1 MB string is one syntax error at its quote", () => {
    const text = `metric m {\n  definition: "${"y".repeat(1 << 20)}`;
    const s = syntax(check(text).diagnostics);
    expect(s).toContainEqual([25, text.length, 'unterminated string; close it with `"` on the same line (use `"""` for text over several lines)']);
  });

  it("a line of 1,000,000 tokens at the top level: one error, bounded time", () => {
    const text = "a ".repeat(1_000_000);
    const { diagnostics, ms } = check(text);
    expect(syntax(diagnostics)).toEqual([[0, 1, "expected a declaration such as `metric`, `team` or `okr`, found `a`"]]);
    expect(ms).toBeLessThan(10_000);
  });

  it("a formula of 1,000,000 tokens: `expression too long`, no stack overflow", () => {
    const head = "metric m {\n  formula: ";
    const text = `${head}${"a + ".repeat(500_000)}a\n  type: input\n}\n`;
    const { diagnostics, ms } = check(text);
    const at = head.length + 4 * 1000 + 2; // the 1001st `+`
    expect(syntax(diagnostics)).toEqual([[at, at + 1, "expression too long: at most 1000 operators in one value; split it into metrics"]]);
    expect(ms).toBeLessThan(10_000);
  });

  it("a list of 100,000 items checks without a stack overflow", () => {
    const text = `workstream w { owner: t  kpis: [${Array.from({ length: 100_000 }, () => "a").join(", ")}] }\nteam t { role: pmm }\n`;
    const { diagnostics, ms } = check(text);
    expect(syntax(diagnostics)).toEqual([]);
    inRange(diagnostics, text.length);
    expect(ms).toBeLessThan(20_000);
  }, 30_000);
});

describe("bytes that are not text", () => {
  it("a NUL byte is a syntax error at its offset", () => {
    expect(syntax(check("team a {\0}\n").diagnostics)).toEqual([[8, 9, "unexpected NUL byte; .pmm files are text"]]);
  });

  it("invalid UTF-8 passed as bytes is a syntax error at each bad offset", () => {
    // "team a " then 0xFF 0xFE (never valid in UTF-8) then "{}"
    const bytes = new Uint8Array([...Buffer.from("team a "), 0xff, 0xfe, ...Buffer.from("{}\n")]);
    // one finding for the two adjacent bad bytes (text/utf8.ts), at the offsets of their U+FFFDs
    expect(syntax(check(bytes).diagnostics)).toEqual([[7, 9, "invalid UTF-8 bytes `FF FE` (a byte that never appears in UTF-8); save the file as UTF-8"]]);
  });

  it("a truncated multi-byte sequence and a NUL inside a string", () => {
    const bytes = new Uint8Array([...Buffer.from('team a { role: pmm }\nmetric m { definition: "x\0y" }\n'), 0xe2, 0x82]);
    const s = syntax(check(bytes).diagnostics);
    expect(s.map(([, , m]) => m)).toContain("invalid UTF-8 bytes `E2 82` (a character cut short); save the file as UTF-8");
    const text = new TextDecoder().decode(bytes);
    expect(s.every(([a, b]) => a >= 0 && b <= text.length)).toBe(true);
  });
});

describe("hostile config (CLI)", () => {
  const made: string[] = [];
  beforeAll(ensureBuilt);
  afterAll(() => {
    for (const d of made) rmSync(d, { recursive: true, force: true });
  });

  const bomb = [
    'a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
    ...["b", "c", "d", "e", "f", "g", "h", "i"].map((k, i) => `${k}: &${k} [${Array(9).fill(`*${"abcdefgh"[i]}`).join(",")}]`),
    "",
  ].join("\n");

  it.each([
    ["an alias bomb", bomb],
    ["a custom tag", "rules: !custom\n  syntax: error\n"],
    ["a JS function tag", "today: !!js/function 'function () { return 1 }'\n"],
  ])("%s: exit 2, one line, quickly", (_, config) => {
    const dir = workspace({ "pmm.config.yaml": config, "a.pmm": 'team pmm "PMM" { role: pmm }\n' });
    made.push(dir);
    const start = performance.now();
    const r = pmm(["check", dir, "--today", TODAY]);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^pmm: [^\n]+\n$/);
    expect(performance.now() - start).toBeLessThan(10_000);
  });
});
