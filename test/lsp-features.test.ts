// The language server end to end: the built bundle over stdio, driven by a
// real JSON-RPC client through a two-file workspace in a temporary folder.
import { readFileSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  CodeAction,
  CompletionItem,
  DocumentSymbol,
  FoldingRange,
  Hover,
  InlayHint,
  Location,
  SymbolInformation,
  TextEdit,
  WorkspaceEdit,
} from "vscode-languageserver-protocol";
import { RULES } from "../packages/core/src/index.js";
import { ensureBuilt, LspClient, positionOf, ROOT, uri, workspace } from "./fixtures/lsp/client.js";

const KEEP = ["syntax", "unknown-reference", "invalid-property", "invalid-value", "missing-property", "wrong-kind-reference", "duplicate-id"];
const CONFIG = `today: 2026-11-23\nrules:\n${RULES.filter((r) => !KEEP.includes(r.id))
  .map((r) => `  ${r.id}: off`)
  .join("\n")}\n`;
const A = readFileSync(join(ROOT, "test/fixtures/lsp/two-files/a.pmm"), "utf8");
const B = readFileSync(join(ROOT, "test/fixtures/lsp/two-files/b.pmm"), "utf8");
const HREF = "https://github.com/pmm-dev/pmm/blob/main/docs/rules";

let dir: string;
let client: LspClient;
let a: string;
let b: string;
/** b.pmm as the editor holds it. */
let bText = B;

const at = (u: string, text: string, needle: string, delta = 0, n = 0) => ({ textDocument: { uri: u }, position: positionOf(text, needle, delta, n) });
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

beforeAll(async () => {
  ensureBuilt();
  dir = workspace({ "a.pmm": A, "b.pmm": B, "pmm.config.yaml": CONFIG });
  a = uri(join(dir, "a.pmm"));
  b = uri(join(dir, "b.pmm"));
  client = new LspClient();
  await client.initialize(dir);
});

afterAll(async () => {
  await client.close();
  expect(client.stderr).toBe("");
  rmSync(dir, { recursive: true, force: true });
});

const UNKNOWN_PMX = {
  range: range(6, 9, 6, 12),
  severity: 1,
  code: "unknown-reference",
  codeDescription: { href: `${HREF}/unknown-reference.md` },
  source: "pmm",
  message: "unknown team `pmx`; did you mean `pmm`?",
  data: { rule: "unknown-reference", declaration: "win_rate", messageId: "unknownSuggest", data: { kind: "team", name: "pmx", suggestion: "pmm" } },
};

describe("language server", () => {
  it("declares its features", async () => {
    // initialize already ran; a second server answers the same capabilities
    const c = new LspClient();
    const init = await c.initialize(dir);
    await c.close();
    expect(init.serverInfo).toEqual({ name: "pmm-language-server", version: "0.1.0" });
    const caps = init.capabilities;
    expect(caps.textDocumentSync).toEqual({ openClose: true, change: 2 });
    expect(caps.renameProvider).toEqual({ prepareProvider: true });
    expect(caps.semanticTokensProvider?.legend.tokenTypes).toEqual([
      "namespace",
      "type",
      "class",
      "struct",
      "interface",
      "event",
      "function",
      "variable",
      "property",
      "enumMember",
    ]);
    for (const k of [
      "hoverProvider",
      "definitionProvider",
      "referencesProvider",
      "documentSymbolProvider",
      "workspaceSymbolProvider",
      "documentFormattingProvider",
      "documentRangeFormattingProvider",
      "foldingRangeProvider",
      "inlayHintProvider",
    ] as const) {
      expect(caps[k]).toBe(true);
    }
  });

  it("honours initializationOptions.configPath and offers the `agreed_by` fix of shared-definition", async () => {
    const only = `today: 2026-11-23\nrules:\n${RULES.filter((r) => r.id !== "shared-definition")
      .map((r) => `  ${r.id}: off`)
      .join("\n")}\n`;
    const text = [
      'team sales "Sales" { role: sales }',
      'team product "Product" { role: product }',
      'team finance "Finance" { role: finance }',
      'workstream w "W" { owner: sales  kpis: [m] }',
      'metric m "M" { type: input  traces: revenue  owner: sales  agreed_by: [sales] }',
      "",
    ].join("\n");
    // the default config (next to the file) would turn shared-definition off; the one named in the options wins
    const other = workspace({ "m.pmm": text, "pmm.config.yaml": "rules:\n  shared-definition: off\n", "conf/strict.yaml": only });
    const c = new LspClient();
    try {
      await c.initialize(other, { configPath: "conf/strict.yaml" });
      const m = uri(join(other, "m.pmm"));
      const { diagnostics } = await c.diagnostics(m);
      expect(diagnostics.map((d) => [d.code, d.range])).toEqual([["shared-definition", range(4, 7, 4, 8)]]);
      const actions = await c.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: m }, range: diagnostics[0]!.range, context: { diagnostics } });
      expect(actions[0]).toEqual({
        title: "Add `product` and `finance` to `agreed_by`",
        kind: "quickfix",
        diagnostics,
        isPreferred: true,
        edit: { changes: { [m]: [{ range: range(4, 76, 4, 76), newText: ", product, finance" }] } }, // after `[sales`
      });
    } finally {
      await c.close();
      rmSync(other, { recursive: true, force: true });
    }
  });

  it("publishes diagnostics for files on disk at start, and again when a file is opened", async () => {
    const first = await client.diagnostics(b);
    expect(first.diagnostics).toEqual([UNKNOWN_PMX]);
    expect(client.published.some((p) => p.uri === a)).toBe(false);
    await client.open(b, bText);
    const again = await client.diagnostics(b, first.index + 1);
    expect(again.diagnostics).toEqual([UNKNOWN_PMX]);
  });

  it("offers the did-you-mean quick fix and a pmm-ignore for the finding", async () => {
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", {
      textDocument: { uri: b },
      range: range(6, 10, 6, 10),
      context: { diagnostics: [UNKNOWN_PMX] },
    });
    expect(actions).toEqual([
      { title: "Change to `pmm`", kind: "quickfix", diagnostics: [UNKNOWN_PMX], isPreferred: true, edit: { changes: { [b]: [{ range: range(6, 9, 6, 12), newText: "pmm" }] } } },
      {
        title: "Ignore `unknown-reference` for `metric win_rate` (add `# pmm-ignore` with a reason)",
        kind: "quickfix",
        diagnostics: [UNKNOWN_PMX],
        edit: { changes: { [b]: [{ range: range(0, 0, 0, 0), newText: "# pmm-ignore unknown-reference: reason\n" }] } },
      },
    ]);
  });

  it("clears the diagnostics after an edit that fixes the error", async () => {
    const from = client.published.length;
    await client.notify("textDocument/didChange", { textDocument: { uri: b, version: 2 }, contentChanges: [{ range: range(6, 11, 6, 12), text: "m" }] });
    bText = bText.replace("owner: pmx", "owner: pmm");
    const after = await client.diagnostics(b, from);
    expect(after.diagnostics).toEqual([]);
  });

  it("hovers a metric: definition, unit, direction, owner, baseline → target and key-result scores", async () => {
    const h = await client.request<Hover>("textDocument/hover", at(b, bText, "kr win_rate", 5));
    expect(h).toEqual({
      contents: {
        kind: "markdown",
        value: [
          "**Win rate** — output metric `win_rate` from `std.win_rate`",
          "Share of deals won.",
          "*Definition:* won deals / closed deals",
          "- unit: percent\n- direction: up\n- owner: `pmm` (Product Marketing)\n- baseline → target: 25% from crm over 2025-H2 → 30% by 2026-Q4",
          "Key results:\n- `grow`: 20% → 30% by 2026-Q4, current 25% on 2026-10-31 — score 0.50 (yellow)",
        ].join("\n\n"),
      },
      range: range(16, 5, 16, 13),
    });
  });

  it("hovers a property name with its doc, a std entry, and a rule id in a suppression", async () => {
    const prop = await client.request<Hover>("textDocument/hover", at(b, bText, "traffic", 2));
    expect(prop.contents).toEqual({
      kind: "markdown",
      value: "**traffic** — experiment property (★ required)\n\neligible traffic\n\nValue: a rate such as `800/day` or `650/month`",
    });
    const std = await client.request<Hover>("textDocument/hover", at(b, bText, "std.win_rate", 1));
    expect((std.contents as { value: string }).value.split("\n\n")[0]).toBe("**Win rate** — catalog entry `std.win_rate`");
    expect(std.range).toEqual(range(1, 32, 1, 44));
    const text = '# pmm-ignore unknown-reference: the team is created next quarter\nteam ops "Ops" { role: other }\n';
    const c = uri(join(dir, "c.pmm"));
    await client.open(c, text);
    try {
      const rule = await client.request<Hover>("textDocument/hover", at(c, text, "unknown-reference", 3));
      expect(rule).toEqual({
        contents: {
          kind: "markdown",
          value: `**unknown-reference** — error by default\n\n${RULES.find((r) => r.id === "unknown-reference")!.meta.description}\n\n[Rule docs](${HREF}/unknown-reference.md)`,
        },
        range: range(0, 13, 0, 30),
      });
    } finally {
      await client.notify("textDocument/didClose", { textDocument: { uri: c } });
    }
  });

  it("goes to the definition across files", async () => {
    const defs = await client.request<Location[]>("textDocument/definition", at(b, bText, "owner: pmm", 8));
    expect(defs).toEqual([{ uri: a, range: range(5, 5, 5, 8) }]);
    const crm = await client.request<Location[]>("textDocument/definition", at(b, bText, "from crm", 6));
    expect(crm).toEqual([{ uri: a, range: range(8, 7, 8, 10) }]);
    const metric = await client.request<Location[]>("textDocument/definition", at(b, bText, "metric: win_rate", 9));
    expect(metric).toEqual([{ uri: b, range: range(1, 7, 1, 15) }]);
  });

  it("finds every reference across files", async () => {
    const refs = await client.request<Location[]>("textDocument/references", { ...at(a, A, "team pmm", 6), context: { includeDeclaration: true } });
    expect(refs).toEqual([
      { uri: a, range: range(5, 5, 5, 8) },
      { uri: b, range: range(6, 9, 6, 12) },
      { uri: b, range: range(14, 9, 14, 12) },
    ]);
    const without = await client.request<Location[]>("textDocument/references", { ...at(b, bText, "win_rate:", 0), context: { includeDeclaration: false } });
    expect(without).toEqual([
      { uri: b, range: range(16, 5, 16, 13) },
      { uri: b, range: range(22, 10, 22, 18) },
    ]);
  });

  it("renames a declaration and its references workspace-wide, and refuses bad names", async () => {
    const prep = await client.request("textDocument/prepareRename", at(b, bText, "owner: pmm", 8));
    expect(prep).toEqual({ range: range(6, 9, 6, 12), placeholder: "pmm" });
    const edit = await client.request<WorkspaceEdit>("textDocument/rename", { ...at(b, bText, "owner: pmm", 8), newName: "marketing" });
    expect(edit).toEqual({
      changes: {
        [a]: [{ range: range(5, 5, 5, 8), newText: "marketing" }],
        [b]: [
          { range: range(6, 9, 6, 12), newText: "marketing" },
          { range: range(14, 9, 14, 12), newText: "marketing" },
        ],
      },
    });
    const refuse = async (newName: string): Promise<string> => {
      try {
        await client.request("textDocument/rename", { ...at(b, bText, "owner: pmm", 8), newName });
        return "accepted";
      } catch (e) {
        return (e as Error).message;
      }
    };
    expect(await refuse("9lives")).toBe("`9lives` is not a valid id; an id is a letter or `_` followed by letters, digits or `_`");
    expect(await refuse("kr")).toBe("`kr` is a reserved word and cannot be an id");
    expect(await refuse("FY2026")).toBe("`FY2026` reads as a value, not an id");
    expect(await refuse("sales")).toBe("`sales` is already declared (team `sales`)");
    expect(await client.request("textDocument/prepareRename", at(b, bText, "std.win_rate", 5))).toBeNull();
  });

  it("completes references of the right kind, enum values, property names, std entries and snippets", async () => {
    const labels = async (text: string, needle: string, delta: number, u = b): Promise<string[]> =>
      (await client.request<CompletionItem[]>("textDocument/completion", at(u, text, needle, delta))).map((i) => i.label);
    expect(await labels(bText, "owner: pmm", 7)).toEqual(["pmm", "sales"]);
    expect(await labels(bText, "source: crm", 8)).toEqual(["crm"]);
    expect(await labels(bText, "direction: up", 11)).toEqual(["up", "down"]);
    expect(await labels(A, "role: pmm", 6, a)).toEqual(["pmm", "sales", "product", "finance", "marketing", "exec", "success", "other"]);
    // property names not yet set, in the metric's block (an output: no `levers`)
    const names = await labels(bText, "  target: 30%", 0);
    expect(names).toEqual([
      "traces",
      "formula",
      "measure",
      "agreed_by",
      "cadence",
      "inputs",
      "count",
      "phase",
      "deliverable",
      "horizon",
      "aliases",
      "cumulative",
      "since",
      "status",
      "replaced_by",
    ]);
    // after `kr METRIC:` the five key-result forms; in an okr block, a snippet for each
    expect(await labels(bText, "kr win_rate:", 12)).toEqual(["from -> to", "-> to", "-35%", "at most value", "at least value", "done"]);
    const inOkr = await labels(bText, "  kr win_rate", 0);
    expect(inOkr.filter((l) => l.startsWith("kr"))).toEqual(["kr", "kr ->", "kr +/-", "kr at most", "kr at least", "kr done"]);
    const inTeam = await client.request<CompletionItem[]>("textDocument/completion", at(a, A, "{ role", 2));
    expect(inTeam).toEqual([]);
    const std = await labels(bText, "std.win_rate", 4);
    expect(std).toContain("win_rate");
    expect(std).toContain("page_views");
    const top = await client.request<CompletionItem[]>("textDocument/completion", { textDocument: { uri: a }, position: { line: 9, character: 0 } });
    expect(top.map((i) => i.label)).toEqual([
      "blueprint",
      "team",
      "source",
      "workstream",
      "metric",
      "okr",
      "attribution",
      "launch",
      "forum",
      "report",
      "dashboard",
      "experiment",
      "review",
      "tradeoff",
    ]);
    expect(top.find((i) => i.label === "team")).toEqual({
      label: "team",
      kind: 15,
      detail: "a team that owns metrics or attends forums",
      insertText: 'team ${1:id} "${2:Title}" {\n\trole: ${3|pmm,sales,product,finance,marketing,exec,success,other|}\n}',
      insertTextFormat: 2,
    });
  });

  it("fixes a missing ★ property and a misspelt enum value", async () => {
    const text = 'team ops "Ops" {}\nteam support "Support" { role: sucess }\n';
    const d = uri(join(dir, "d.pmm"));
    const from = client.published.length;
    await client.open(d, text);
    const { diagnostics } = await client.diagnostics(d, from);
    expect(diagnostics.map((x) => [x.code, x.message])).toEqual([
      ["missing-property", "`team ops` is missing `role` (what the team does); add `role: …`"],
      ["invalid-value", "`sucess` is not a valid `role`; expected one of pmm, sales, product, finance, marketing, exec, success, other (did you mean `success`?)"],
    ]);
    const fixes = async (i: number): Promise<CodeAction[]> =>
      client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: d }, range: diagnostics[i]!.range, context: { diagnostics: [diagnostics[i]] } });
    const missing = await fixes(0);
    expect(missing.map((x) => x.title)).toEqual(["Add `role: pmm`", "Ignore `missing-property` for `team ops` (add `# pmm-ignore` with a reason)"]);
    expect(missing[0]!.edit).toEqual({ changes: { [d]: [{ range: range(0, 16, 0, 16), newText: " role: pmm " }] } });
    const enumFix = await fixes(1);
    expect(enumFix[0]).toEqual({
      title: "Change to `success`",
      kind: "quickfix",
      diagnostics: [diagnostics[1]],
      isPreferred: true,
      edit: { changes: { [d]: [{ range: range(1, 31, 1, 37), newText: "success" }] } },
    });
    await client.notify("textDocument/didClose", { textDocument: { uri: d } });
    // a document that is not on disk leaves the workspace when closed: its diagnostics are cleared
    const cleared = await client.diagnostics(d, from + 1, (x) => x.length === 0);
    expect(cleared.diagnostics).toEqual([]);
  });

  it("links both halves of a duplicate across files with related information", async () => {
    const g = uri(join(dir, "g.pmm"));
    const text = 'team sales "Sales again" { role: sales }\n';
    const from = client.published.length;
    let closed = from;
    await client.open(g, text);
    try {
      const { diagnostics } = await client.diagnostics(g, from);
      expect(diagnostics.map((d) => [d.code, d.range, d.relatedInformation?.map((r) => [r.location.uri, r.location.range])])).toEqual([
        ["duplicate-id", range(0, 5, 0, 10), [[a, range(6, 5, 6, 10)]]],
      ]);
      const inA = await client.diagnostics(a, from);
      expect(inA.diagnostics.map((d) => [d.code, d.range, d.relatedInformation?.map((r) => [r.location.uri, r.location.range])])).toEqual([
        ["duplicate-id", range(6, 5, 6, 10), [[g, range(0, 5, 0, 10)]]],
      ]);
    } finally {
      closed = client.published.length;
      await client.notify("textDocument/didClose", { textDocument: { uri: g } });
    }
    // closing it clears both files
    expect((await client.diagnostics(a, closed, (d) => d.length === 0)).diagnostics).toEqual([]);
  });

  it("formats the whole document and a range with the core formatter", async () => {
    const text = 'team   ops "Ops" {role: other}\nteam finance "Finance" {\n    role: finance\n}\n';
    const e = uri(join(dir, "e.pmm"));
    await client.open(e, text);
    try {
      const whole = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: e }, options: { tabSize: 2, insertSpaces: true } });
      expect(whole).toEqual([{ range: range(0, 5, 2, 2), newText: 'ops "Ops" { role: other }\n\nteam finance "Finance" {\n' }]);
      const part = await client.request<TextEdit[]>("textDocument/rangeFormatting", {
        textDocument: { uri: e },
        range: range(2, 0, 2, 5),
        options: { tabSize: 2, insertSpaces: true },
      });
      expect(part).toEqual([{ range: range(2, 2, 2, 4), newText: "" }]);
      const broken = "team ops {\n";
      await client.notify("textDocument/didChange", { textDocument: { uri: e, version: 2 }, contentChanges: [{ text: broken }] });
      expect(await client.request("textDocument/formatting", { textDocument: { uri: e }, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    } finally {
      await client.notify("textDocument/didClose", { textDocument: { uri: e } });
    }
  });

  it("outlines a file by kind with properties, key results and views as children", async () => {
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: b } });
    const shape = (s: DocumentSymbol): unknown => ({ name: s.name, detail: s.detail, kind: s.kind, ...(s.children?.length ? { children: s.children.map(shape) } : {}) });
    expect(symbols.map(shape)).toEqual([
      {
        name: "win_rate",
        detail: "metric · Win rate",
        kind: 13,
        children: [
          { name: "type", detail: "output", kind: 7 },
          { name: "dimension", detail: "retention", kind: 7 },
          { name: "unit", detail: "percent", kind: 7 },
          { name: "direction", detail: "up", kind: 7 },
          { name: "owner", detail: "pmm", kind: 7 },
          { name: "source", detail: "crm", kind: 7 },
          { name: "definition", detail: '"won deals / closed deals"', kind: 7 },
          { name: "baseline", detail: "25% from crm over 2025-H2", kind: 7 },
          { name: "target", detail: "30% by 2026-Q4", kind: 7 },
        ],
      },
      {
        name: "grow",
        detail: "okr · Grow",
        kind: 24,
        children: [
          { name: "owner", detail: "pmm", kind: 7 },
          { name: "period", detail: "2026-H2", kind: 7 },
          { name: "kr win_rate", detail: "20% → 30%", kind: 8, children: [{ name: "current", detail: "25% on 2026-10-31", kind: 7 }] },
        ],
      },
      {
        name: "pricing",
        detail: "experiment · Pricing page",
        kind: 14,
        children: [
          { name: "metric", detail: "win_rate", kind: 7 },
          { name: "baseline", detail: "4%", kind: 7 },
          { name: "expect", detail: "5%", kind: 7 },
          { name: "traffic", detail: "800/day", kind: 7 },
        ],
      },
    ]);
    expect(symbols[0]!.range).toEqual(range(1, 0, 11, 1));
    expect(symbols[0]!.selectionRange).toEqual(range(1, 7, 1, 15));
  });

  it("lists workspace symbols matching a query", async () => {
    const syms = await client.request<SymbolInformation[]>("workspace/symbol", { query: "rate" });
    expect(syms.map((s) => [s.name, s.containerName, s.location.uri])).toEqual([["win_rate", "metric", b]]);
    const all = await client.request<SymbolInformation[]>("workspace/symbol", { query: "" });
    expect(all.map((s) => s.name)).toEqual(["acme", "pmm", "sales", "crm", "win_rate", "grow", "pricing"]);
  });

  it("colours references by the kind of their target", async () => {
    const { data } = await client.request<{ data: number[] }>("textDocument/semanticTokens/full", { textDocument: { uri: b } });
    expect(data.length).toBeGreaterThan(0);
    expect(data.length % 5).toBe(0);
    // decode to [line, char, length, type, modifiers]
    const tokens: number[][] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i]!;
      char = data[i]! === 0 ? char + data[i + 1]! : data[i + 1]!;
      tokens.push([line, char, data[i + 2]!, data[i + 3]!, data[i + 4]!]);
    }
    const TYPES = ["namespace", "type", "class", "struct", "interface", "event", "function", "variable", "property", "enumMember"];
    const find = (l: number, c: number): [string, number] | undefined => {
      const t = tokens.find((x) => x[0] === l && x[1] === c);
      return t ? [TYPES[t[3]!]!, t[4]!] : undefined;
    };
    expect(find(1, 7)).toEqual(["variable", 1]); // win_rate declared
    expect(find(1, 32)).toEqual(["namespace", 2]); // std
    expect(find(1, 36)).toEqual(["variable", 2]); // std entry
    expect(find(2, 2)).toEqual(["property", 0]); // type
    expect(find(2, 8)).toEqual(["enumMember", 0]); // output
    expect(find(6, 9)).toEqual(["class", 0]); // owner: pmm → a team
    expect(find(7, 10)).toEqual(["namespace", 0]); // source: crm → a source
    expect(find(16, 5)).toEqual(["variable", 0]); // kr win_rate → a metric
  });

  it("folds blocks and comment runs", async () => {
    const folds = await client.request<FoldingRange[]>("textDocument/foldingRange", { textDocument: { uri: b } });
    expect(folds).toEqual([
      { startLine: 1, endLine: 10, kind: "region" },
      { startLine: 13, endLine: 16, kind: "region" },
      { startLine: 19, endLine: 20, kind: "comment" },
      { startLine: 21, endLine: 25, kind: "region" },
    ]);
  });

  it("shows the experiment sample size and the key-result score as inlay hints", async () => {
    const hints = await client.request<InlayHint[]>("textDocument/inlayHint", { textDocument: { uri: b }, range: range(0, 0, 30, 0) });
    expect(hints.map((h) => [h.position, h.label])).toEqual([
      [{ line: 16, character: 67 }, "score 0.50 (yellow)"],
      [{ line: 25, character: 18 }, "n = 6,743 per arm · 17 days"],
    ]);
  });

  it("picks up files created, changed and deleted on disk, and config changes", async () => {
    const fPath = join(dir, "f.pmm");
    const f = uri(fPath);
    let from = client.published.length;
    writeFileSync(fPath, 'team ops "Ops" { role: other }\nsource sheet "Sheet" { kind: spreadsheet  owner: opz }\n');
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: f, type: 1 }] });
    const created = await client.diagnostics(f, from);
    expect(created.diagnostics.map((d) => d.message)).toEqual(["unknown team `opz`; did you mean `ops`?"]);
    // the new file's team is visible to the others: completion offers it
    const owners = await client.request<CompletionItem[]>("textDocument/completion", at(b, bText, "owner: pmm", 7));
    expect(owners.map((i) => i.label)).toEqual(["ops", "pmm", "sales"]);
    // a config change re-checks: turn unknown-reference off
    from = client.published.length;
    writeFileSync(join(dir, "pmm.config.yaml"), `${CONFIG}  unknown-reference: off\n`);
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(join(dir, "pmm.config.yaml")), type: 2 }] });
    expect((await client.diagnostics(f, from)).diagnostics).toEqual([]);
    writeFileSync(join(dir, "pmm.config.yaml"), CONFIG);
    from = client.published.length;
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: uri(join(dir, "pmm.config.yaml")), type: 2 }] });
    expect((await client.diagnostics(f, from)).diagnostics.length).toBe(1);
    // deleted: dropped from the workspace, its diagnostics cleared
    unlinkSync(fPath);
    from = client.published.length;
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: f, type: 3 }] });
    expect((await client.diagnostics(f, from)).diagnostics).toEqual([]);
    const after = await client.request<CompletionItem[]>("textDocument/completion", at(b, bText, "owner: pmm", 7));
    expect(after.map((i) => i.label)).toEqual(["pmm", "sales"]);
  });

  it("hovers a metric with the teams that agreed it, on its own and in a review's group", async () => {
    const r = uri(join(dir, "r.pmm"));
    const text = 'review q3 "Q3 review" { every: quarterly  owner: pmm  last: 2026-10-01  agreed_by: [sales]  definitions: [win_rate] }\n';
    const from = client.published.length;
    await client.open(r, text);
    await client.diagnostics(r, from);
    const h = await client.request<Hover>("textDocument/hover", at(b, bText, "kr win_rate", 5));
    const value = (h.contents as { value: string }).value;
    expect(value).toContain("- agreed by: `sales` (review `q3`, 2026-10-01)");
    await client.notify("textDocument/didClose", { textDocument: { uri: r } });
  });

  it("outlines key results of every form as written", async () => {
    const k = uri(join(dir, "k.pmm"));
    const text =
      'okr forms "Forms" {\n  owner: pmm\n  period: 2026-Q4\n  kr win_rate: -> 35% by 2026-Q4\n  kr win_rate: +5% by 2026-Q4\n  kr win_rate: at least 28% by 2026-Q4\n  kr launch "Launch shipped": done by 2026-Q4\n}\n';
    await client.open(k, text);
    const symbols = await client.request<Array<{ children: Array<{ name: string; detail: string }> }>>("textDocument/documentSymbol", { textDocument: { uri: k } });
    expect(symbols[0]!.children.filter((c) => c.name.startsWith("kr ")).map((c) => [c.name, c.detail])).toEqual([
      ["kr win_rate", "-> 35%"],
      ["kr win_rate", "+5%"],
      ["kr win_rate", "at least 28%"],
      ["kr launch", "done"],
    ]);
    await client.notify("textDocument/didClose", { textDocument: { uri: k } });
  });
});
