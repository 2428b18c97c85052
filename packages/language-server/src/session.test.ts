// The server's session without a connection: incremental edits equal parsing
// from scratch (fast-check), open documents override the disk, and the
// debounced publish clears files that have no findings left.
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { Parser } from "@pmm/core";
import { afterEach, describe, expect, it } from "vitest";
import type { Diagnostic } from "vscode-languageserver/node";
import { Session } from "./session.js";
import { toPosition } from "./positions.js";
import { uriOfPath } from "./documents.js";

const URI = "untitled:edit.pmm";
const parser = new Parser();
const BASE = `team pmm "PMM" { role: pmm }\r\nmetric m "😀 M" {\n  type: input\n  owner: pmm\n}\n`;

const sessions: Session[] = [];
function session(published: Array<{ uri: string; diagnostics: Diagnostic[] }> = []): Session {
  const s = new Session({ publish: (uri, diagnostics) => published.push({ uri, diagnostics }), log: () => {} }, 5);
  s.initialize([], undefined);
  sessions.push(s);
  return s;
}
afterEach(() => {
  for (const s of sessions.splice(0)) s.dispose();
});

/** A random edit of a text: a range (as offsets) and the text that replaces it. */
const editArb = fc.record({
  a: fc.nat(),
  b: fc.nat(),
  text: fc.oneof(fc.constantFrom("", "\n", "\r\n", "}", "{", "😀", "市場", ": ", "team x { role: pmm }\n", '"'), fc.string({ maxLength: 6 })),
});

describe("session", () => {
  it("parses a document after incremental edits exactly as the edited text from scratch", () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 8 }), (edits) => {
        const s = session();
        s.didOpen(URI, "pmm", 1, BASE);
        let expected = BASE;
        let version = 1;
        for (const e of edits) {
          const file = s.file(URI)!;
          const start = Math.min(e.a, e.b) % (expected.length + 1);
          const end = Math.max(start, Math.max(e.a, e.b) % (expected.length + 1));
          // never split a surrogate pair or a CRLF: clients send positions between characters
          const ok = (o: number): boolean => !(/[\uDC00-\uDFFF]/.test(expected[o] ?? "") || (expected[o] === "\n" && expected[o - 1] === "\r"));
          if (!ok(start) || !ok(end)) continue;
          const range = { start: toPosition(file, start), end: toPosition(file, end) };
          s.didChange(URI, ++version, [{ range, text: e.text }]);
          expected = expected.slice(0, start) + e.text + expected.slice(end);
          const now = s.file(URI)!;
          expect(now.text).toBe(expected);
          expect(now.ast).toEqual(parser.parse(expected).ast);
        }
        s.dispose();
      }),
      { numRuns: 200 },
    );
    // each run starts a session, and each session builds its parser (a few milliseconds)
  }, 60_000);

  it("publishes a file's findings, then clears them when an edit fixes it", async () => {
    const published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
    const s = session(published);
    s.didOpen(URI, "pmm", 1, 'team pmm "PMM" { role: pmx }\n');
    s.flush();
    const codes = (i: number): unknown[] => published[i]!.diagnostics.map((d) => d.code);
    expect(published.map((p) => p.uri)).toEqual([URI]);
    expect(codes(0)).toContain("invalid-value");
    // a workspace finding with no file (there is no blueprint) is shown at the top of the first file
    expect(published[0]!.diagnostics.find((d) => d.code === "blueprint-count")?.range).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    s.didChange(URI, 2, [{ range: { start: { line: 0, character: 25 }, end: { line: 0, character: 26 } }, text: "m" }]);
    s.flush();
    expect(codes(1)).not.toContain("invalid-value");
    expect(codes(1)).toContain("blueprint-count");
    // closing a document that is not on disk removes it and clears what was published
    s.didClose(URI);
    s.flush();
    expect(published[2]).toEqual({ uri: URI, diagnostics: [] });
    expect(s.file(URI)).toBeUndefined();
  });

  it("reports a file on disk over 16 MiB as the CLI does, skips a FIFO, and lets an open buffer replace the finding", () => {
    const dir = mkdtempSync(join(tmpdir(), "pmm-session-"));
    try {
      writeFileSync(join(dir, "pmm.config.yaml"), "today: 2026-11-23\n");
      writeFileSync(join(dir, "huge.pmm"), "");
      truncateSync(join(dir, "huge.pmm"), 17 * 1024 * 1024);
      execFileSync("mkfifo", [join(dir, "fifo.pmm")]);
      const published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
      const s = session(published);
      s.initialize([uriOfPath(dir)], undefined);
      s.flush();
      const huge = uriOfPath(join(dir, "huge.pmm"));
      const syntax = (): unknown[] =>
        published
          .filter((p) => p.uri === huge)
          .at(-1)!
          .diagnostics.filter((d) => d.code === "syntax")
          .map((d) => [d.range.start, d.message]);
      expect(syntax()).toEqual([[{ line: 0, character: 0 }, "the file is too large (17 MiB; pmm reads at most 16 MiB); split it into smaller files"]]);
      expect(s.file(uriOfPath(join(dir, "fifo.pmm")))).toBeUndefined();
      s.didOpen(huge, "pmm", 1, "");
      s.flush();
      expect(syntax()).toEqual([]);
      s.didClose(huge);
      s.flush();
      expect(syntax()).toEqual([[{ line: 0, character: 0 }, "the file is too large (17 MiB; pmm reads at most 16 MiB); split it into smaller files"]]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("debounces edits into one re-check", async () => {
    const published: Array<{ uri: string; diagnostics: Diagnostic[] }> = [];
    const s = session(published);
    s.didOpen(URI, "pmm", 1, 'team pmm "PMM" { role: pmm }\n');
    for (let i = 0; i < 5; i++) s.didChange(URI, i + 2, [{ text: `team pmm "PMM" { role: pm${"x".repeat(i)} }\n` }]);
    await new Promise((r) => setTimeout(r, 60));
    expect(published.length).toBe(1);
    expect(published[0]!.diagnostics.filter((d) => d.code === "invalid-value").map((d) => d.message)).toEqual([
      "`pmxxxx` is not a valid `role`; expected one of pmm, sales, product, finance, marketing, exec, success, other",
    ]);
  });
});
