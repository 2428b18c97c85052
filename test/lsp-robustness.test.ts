// The language server survives what a confused client sends: malformed
// params, unknown methods, edits to unknown documents, out-of-range positions,
// files deleted under it — and still answers a normal request afterwards.
import { readFileSync, rmSync, unlinkSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Hover, SymbolInformation } from "vscode-languageserver-protocol";
import { ensureBuilt, LspClient, ROOT, uri, workspace } from "./fixtures/lsp/client.js";

const A = readFileSync(join(ROOT, "test/fixtures/lsp/two-files/a.pmm"), "utf8");
const B = readFileSync(join(ROOT, "test/fixtures/lsp/two-files/b.pmm"), "utf8");

let dir: string;
let client: LspClient;
let a: string;
let b: string;

const TEAM_HOVER: Hover = {
  contents: { kind: "markdown", value: "**Product Marketing** — team `pmm`\n\n*a team that owns metrics or attends forums*" },
  range: { start: { line: 5, character: 5 }, end: { line: 5, character: 8 } },
};
const hoverTeam = () => client.request<Hover>("textDocument/hover", { textDocument: { uri: a }, position: { line: 5, character: 6 } });

/** The error code of a rejected request, or "answered". */
async function outcome(p: Promise<unknown>): Promise<unknown> {
  try {
    return { answer: await p };
  } catch (e) {
    return { code: (e as { code?: number }).code };
  }
}

beforeAll(async () => {
  ensureBuilt();
  dir = workspace({
    "a.pmm": `${A}\nsource old_sheet "Old sheet" { kind: spreadsheet }\n`,
    "b.pmm": B,
    "h.pmm": 'team lonely "Lonely" { role: nope }\n',
    "pmm.config.yaml": "today: 2026-11-23\n",
  });
  a = uri(join(dir, "a.pmm"));
  b = uri(join(dir, "b.pmm"));
  client = new LspClient();
  await client.initialize(dir);
});

afterAll(async () => {
  await client.close();
  rmSync(dir, { recursive: true, force: true });
});

describe("language server robustness", () => {
  it("publishes the workspace's diagnostics and answers a normal hover to begin with", async () => {
    expect((await client.diagnostics(b)).diagnostics.length).toBeGreaterThan(0);
    // every rule is on here: `sales` is not unused (shared-definition asks its sign-off),
    // while the source nothing reads is faded as unnecessary
    const aFindings = (await client.diagnostics(a)).diagnostics;
    expect(aFindings.find((d) => d.code === "unused-declaration" && d.message.includes("`sales`"))).toBeUndefined();
    const unused = aFindings.find((d) => d.code === "unused-declaration");
    expect(unused).toMatchObject({ message: "source `old_sheet` is not used anywhere; use it or remove it", severity: 4, tags: [1] });
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("survives requests with garbage params", async () => {
    expect(await outcome(client.request("textDocument/hover", { textDocument: 5, position: "x" }))).toEqual({ answer: null });
    expect(await outcome(client.request("textDocument/hover", [1, 2, 3]))).toEqual({ code: -32602 });
    expect(await outcome(client.request("textDocument/completion", { textDocument: { uri: null } }))).toEqual({ answer: [] });
    expect(await outcome(client.request("textDocument/definition", {}))).toEqual({ answer: [] });
    expect(await outcome(client.request("textDocument/codeAction", { textDocument: { uri: a }, range: "everything", context: 7 }))).toEqual({ answer: [] });
    expect(await outcome(client.request("textDocument/rename", { textDocument: { uri: a }, position: { line: 5, character: 6 }, newName: 42 }))).toEqual({ code: -32803 });
    expect(await outcome(client.request("workspace/symbol", { query: { not: "a string" } }))).toEqual({ answer: expect.any(Array) });
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("answers an unknown method with MethodNotFound and keeps going", async () => {
    expect(await outcome(client.request("pmm/noSuchMethod", { x: 1 }))).toEqual({ code: -32601 });
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("ignores edits to unknown documents and malformed notifications", async () => {
    const ghost = uri(join(dir, "ghost.pmm"));
    await client.notify("textDocument/didChange", { textDocument: { uri: ghost, version: 3 }, contentChanges: [{ text: "team x {" }] });
    await client.notify("textDocument/didChange", { textDocument: { uri: a, version: 3 }, contentChanges: [{ text: "team x {" }] });
    await client.notify("textDocument/didOpen", null);
    await client.notify("textDocument/didOpen", { textDocument: { uri: 12 } });
    await client.notify("textDocument/didClose", { textDocument: {} });
    await client.notify("workspace/didChangeWatchedFiles", { changes: "all of them" });
    await client.notify("workspace/didChangeWatchedFiles", { changes: [null, { uri: 7, type: 2 }] });
    expect(await client.request("textDocument/hover", { textDocument: { uri: ghost }, position: { line: 0, character: 0 } })).toBeNull();
    // a.pmm is not open, so the edit above changed nothing
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("survives a malformed change to an open document and logs it", async () => {
    const c = uri(join(dir, "c.pmm"));
    await client.open(c, 'team ops "Ops" { role: other }\n');
    await client.notify("textDocument/didChange", { textDocument: { uri: c, version: 2 }, contentChanges: [{ range: { start: "x" }, text: "oops" }] });
    const symbols = await client.request<Array<{ name: string }>>("textDocument/documentSymbol", { textDocument: { uri: c } });
    expect(symbols.length).toBe(1);
    await client.notify("textDocument/didClose", { textDocument: { uri: c } });
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("gives empty answers for out-of-range positions", async () => {
    const far = { line: 999, character: 0 };
    const wide = { line: 0, character: 999 };
    expect(await client.request("textDocument/hover", { textDocument: { uri: a }, position: far })).toBeNull();
    expect(await client.request("textDocument/hover", { textDocument: { uri: a }, position: wide })).toBeNull();
    expect(await client.request("textDocument/hover", { textDocument: { uri: a }, position: { line: -1, character: -5 } })).toBeNull();
    expect(await client.request("textDocument/completion", { textDocument: { uri: a }, position: wide })).toEqual([]);
    expect(await client.request("textDocument/definition", { textDocument: { uri: a }, position: far })).toEqual([]);
    expect(await client.request("textDocument/references", { textDocument: { uri: a }, position: far, context: { includeDeclaration: true } })).toEqual([]);
    expect(await client.request("textDocument/prepareRename", { textDocument: { uri: a }, position: far })).toBeNull();
    expect(await client.request("textDocument/rename", { textDocument: { uri: a }, position: far, newName: "x" })).toBeNull();
    expect(await client.request("textDocument/inlayHint", { textDocument: { uri: b }, range: { start: { line: 500, character: 0 }, end: { line: 900, character: 0 } } })).toEqual(
      [],
    );
    expect(
      await client.request("textDocument/rangeFormatting", { textDocument: { uri: a }, range: { start: far, end: far }, options: { tabSize: 2, insertSpaces: true } }),
    ).toEqual([]);
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("answers requests about unknown documents with empty results", async () => {
    const nowhere = { uri: "file:///nowhere/x.pmm" };
    const pos = { line: 0, character: 0 };
    expect(await client.request("textDocument/documentSymbol", { textDocument: nowhere })).toEqual([]);
    expect(await client.request("textDocument/semanticTokens/full", { textDocument: nowhere })).toEqual({ data: [] });
    expect(await client.request("textDocument/foldingRange", { textDocument: nowhere })).toEqual([]);
    expect(await client.request("textDocument/formatting", { textDocument: nowhere, options: { tabSize: 2, insertSpaces: true } })).toEqual([]);
    expect(await client.request("textDocument/codeAction", { textDocument: nowhere, range: { start: pos, end: pos }, context: { diagnostics: [] } })).toEqual([]);
    expect(await client.request("textDocument/references", { textDocument: { uri: "not a uri at all" }, position: pos, context: { includeDeclaration: true } })).toEqual([]);
  });

  it("drops a file deleted under it", async () => {
    const before = await client.request<SymbolInformation[]>("workspace/symbol", { query: "win" });
    expect(before.map((s) => s.name)).toEqual(["win_rate"]);
    unlinkSync(join(dir, "b.pmm"));
    // the watcher reports a change, but the file is gone by the time it is read
    const from = client.published.length;
    await client.notify("workspace/didChangeWatchedFiles", { changes: [{ uri: b, type: 2 }] });
    expect((await client.diagnostics(b, from, (d) => d.length === 0)).diagnostics).toEqual([]);
    expect(await client.request("workspace/symbol", { query: "win" })).toEqual([]);
    expect(await client.request("textDocument/hover", { textDocument: { uri: b }, position: { line: 1, character: 8 } })).toBeNull();
    expect(await hoverTeam()).toEqual(TEAM_HOVER);
  });

  it("drops a file deleted without any watcher event at the next re-check", async () => {
    const h = uri(join(dir, "h.pmm"));
    expect((await client.diagnostics(h)).diagnostics.some((d) => d.code === "invalid-value")).toBe(true);
    unlinkSync(join(dir, "h.pmm"));
    const from = client.published.length;
    // any edit triggers a re-check
    const n = uri(join(dir, "n.pmm"));
    await client.open(n, 'team n "N" { role: other }\n');
    expect((await client.diagnostics(h, from, (d) => d.length === 0)).diagnostics).toEqual([]);
    expect(await client.request("workspace/symbol", { query: "lonely" })).toEqual([]);
    await client.notify("textDocument/didClose", { textDocument: { uri: n } });
  });

  it("is still running and has logged only what it caught", () => {
    expect(client.exitCode).toBeNull();
    expect(client.stderr).toBe("");
    // what was caught is logged, with the failing handler named
    expect(client.logs.filter((l) => l.message.startsWith("pmm: ")).map((l) => l.message.split(":").slice(0, 2).join(":"))).toEqual(["pmm: didChange failed"]);
  });
});
