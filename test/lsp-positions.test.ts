// Positions are UTF-16 code units (LSP's default): a line with emoji and CJK
// text before a finding, and a file with CRLF line ends.
import { rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CodeAction, Diagnostic, DocumentSymbol, Hover, Location, TextEdit } from "vscode-languageserver-protocol";
import { RULES } from "../packages/core/src/index.js";
import { ensureBuilt, LspClient, uri, workspace } from "./fixtures/lsp/client.js";

const KEEP = ["syntax", "unknown-reference", "invalid-value"];
const CONFIG = `today: 2026-11-23\nrules:\n${RULES.filter((r) => !KEEP.includes(r.id))
  .map((r) => `  ${r.id}: off`)
  .join("\n")}\n`;

// "😀" is two UTF-16 code units (one code point); each CJK character is one.
const WIDE = 'team pmm "Équipe 😀 市場チーム" { role: pmx }\nteam sales "Sales" { role: sales }\n';
const CRLF = 'team pmm "PMM" { role: pmm }\r\nsource crm "CRM" {\r\n  kind:   crmx\r\n  owner: pmm\r\n}\r\n';
const range = (sl: number, sc: number, el: number, ec: number) => ({ start: { line: sl, character: sc }, end: { line: el, character: ec } });

let dir: string;
let client: LspClient;
let wide: string;
let crlf: string;

beforeAll(async () => {
  ensureBuilt();
  dir = workspace({ "wide.pmm": WIDE, "crlf.pmm": CRLF, "pmm.config.yaml": CONFIG });
  wide = uri(join(dir, "wide.pmm"));
  crlf = uri(join(dir, "crlf.pmm"));
  client = new LspClient();
  await client.initialize(dir);
});

afterAll(async () => {
  await client.close();
  expect(client.stderr).toBe("");
  rmSync(dir, { recursive: true, force: true });
});

describe("UTF-16 positions", () => {
  it("places a diagnostic after emoji and CJK text in UTF-16 code units", async () => {
    const { diagnostics } = await client.diagnostics(wide);
    expect(WIDE.indexOf("pmx")).toBe(35); // JavaScript indexes are UTF-16 units
    expect([...WIDE.slice(0, 35)].length).toBe(34); // …while code points would say 34
    expect(diagnostics.map((d) => [d.code, d.range])).toEqual([["invalid-value", range(0, 35, 0, 38)]]);
    expect(diagnostics[0]!.message).toBe("`pmx` is not a valid `role`; expected one of pmm, sales, product, finance, marketing, exec, success, other (did you mean `pmm`?)");
  });

  it("reads request positions as UTF-16 on that line", async () => {
    const h = await client.request<Hover>("textDocument/hover", { textDocument: { uri: wide }, position: { line: 0, character: 31 } });
    expect(h.range).toEqual(range(0, 29, 0, 33));
    expect((h.contents as { value: string }).value.split("\n\n")[0]).toBe("**role** — team property (★ required)");
    const fix = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: wide }, range: range(0, 36, 0, 36), context: { diagnostics: [] } });
    expect(fix[0]!.edit).toEqual({ changes: { [wide]: [{ range: range(0, 35, 0, 38), newText: "pmm" }] } });
  });

  it("applies an incremental edit given in UTF-16 units", async () => {
    await client.open(wide, WIDE);
    const from = client.published.length;
    await client.notify("textDocument/didChange", { textDocument: { uri: wide, version: 2 }, contentChanges: [{ range: range(0, 37, 0, 38), text: "m" }] });
    expect((await client.diagnostics(wide, from, (d) => d.length === 0)).diagnostics).toEqual([]);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: wide } });
    expect(symbols[0]!.children!.map((c) => [c.name, c.detail, c.range])).toEqual([["role", "pmm", range(0, 29, 0, 38)]]);
    expect(symbols[0]!.range).toEqual(range(0, 0, 0, 40));
  });
});

describe("CRLF files", () => {
  it("reports positions on CRLF lines", async () => {
    const { diagnostics } = await client.diagnostics(crlf);
    expect(diagnostics.map((d: Diagnostic) => [d.code, d.range])).toEqual([["invalid-value", range(2, 10, 2, 14)]]);
    const def = await client.request<Location[]>("textDocument/definition", { textDocument: { uri: crlf }, position: { line: 3, character: 10 } });
    expect(def).toEqual([{ uri: crlf, range: range(0, 5, 0, 8) }]);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: crlf } });
    expect(symbols.map((s) => [s.name, s.range])).toEqual([
      ["pmm", range(0, 0, 0, 28)],
      ["crm", range(1, 0, 4, 1)],
    ]);
  });

  it("formats with CRLF kept and suppresses above the declaration with CRLF", async () => {
    const edits = await client.request<TextEdit[]>("textDocument/formatting", { textDocument: { uri: crlf }, options: { tabSize: 2, insertSpaces: true } });
    // a blank line between declarations and one space after `:`, written with the file's CRLF
    expect(edits).toEqual([{ range: range(1, 0, 2, 9), newText: '\r\nsource crm "CRM" {\r\n  kind:' }]);
    const actions = await client.request<CodeAction[]>("textDocument/codeAction", { textDocument: { uri: crlf }, range: range(2, 11, 2, 11), context: { diagnostics: [] } });
    expect(actions.map((a) => a.title)).toEqual(["Change to `crm`", "Ignore `invalid-value` for `source crm` (add `# pmm-ignore` with a reason)"]);
    expect(actions[1]!.edit).toEqual({ changes: { [crlf]: [{ range: range(1, 0, 1, 0), newText: "# pmm-ignore invalid-value: reason\r\n" }] } });
  });

  it("applies edits across a CRLF line end", async () => {
    await client.open(crlf, CRLF);
    const from = client.published.length;
    // join lines 2 and 3 and fix the kind: `  kind: crm  owner: pmm`
    await client.notify("textDocument/didChange", { textDocument: { uri: crlf, version: 2 }, contentChanges: [{ range: range(2, 7, 3, 2), text: " crm  " }] });
    expect((await client.diagnostics(crlf, from, (d) => d.length === 0)).diagnostics).toEqual([]);
    const symbols = await client.request<DocumentSymbol[]>("textDocument/documentSymbol", { textDocument: { uri: crlf } });
    expect(symbols[1]!.children!.map((c) => [c.name, c.range])).toEqual([
      ["kind", range(2, 2, 2, 11)],
      ["owner", range(2, 13, 2, 23)],
    ]);
    expect(symbols[1]!.range).toEqual(range(1, 0, 3, 1));
  });
});
