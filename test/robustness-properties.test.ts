// Workspace-level properties with fast-check (quality.md, Robustness): a full
// check never throws on random or mutated files, every diagnostic range lies
// inside its file, and a file edited in a kept Workspace (as the language
// server keeps one) parses and checks exactly like the edited text from scratch.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { checkWorkspace, decodeText, Workspace, type Diagnostic } from "../packages/core/src/index.js";

const ROOT = fileURLToPath(new URL("..", import.meta.url));
const TODAY = "2026-11-23";

function pmmFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? pmmFiles(p) : n.endsWith(".pmm") ? [p] : [];
  });
}

const ACME = pmmFiles(join(ROOT, "examples/acme")).map((p) => ({ path: relative(join(ROOT, "examples/acme"), p), text: readFileSync(p, "utf8") }));
const PIECES = ["{", "}", "[", "]", "(", ")", ",", ":", "->", "+", "*", "#", '"', "\n", "\0", "\uFFFD", "😀", "metric", "kr", "by", "2026-Q4", "$5M", "x"];

/** An edit: replace `remove` characters at `at` (taken modulo the length) with `insert`. */
const edit = fc.record({ at: fc.nat(), remove: fc.nat({ max: 20 }), insert: fc.oneof(fc.constantFrom(...PIECES, ""), fc.string({ maxLength: 8 })) });

function apply(text: string, e: { at: number; remove: number; insert: string }): string {
  const at = e.at % (text.length + 1);
  return text.slice(0, at) + e.insert + text.slice(at + e.remove);
}

/** The acme workspace with one file edited, truncated or replaced by random text or bytes. */
const mutatedWorkspace = fc
  .tuple(
    fc.nat({ max: ACME.length - 1 }),
    fc.oneof(
      edit.map((e) => (t: string) => apply(t, e)),
      fc.nat().map((n) => (t: string) => t.slice(0, n % (t.length + 1))),
      fc.string({ maxLength: 300 }).map((s) => () => s),
      fc.uint8Array({ maxLength: 300 }).map((b) => () => decodeText(b)),
    ),
  )
  .map(([i, f]) => ACME.map((file, j) => ({ path: file.path, text: j === i ? f(file.text) : file.text })));

function rangesInside(diagnostics: Diagnostic[], files: ReadonlyArray<{ path: string; text: string }>): void {
  const length = new Map(files.map((f) => [f.path, f.text.length]));
  for (const d of diagnostics) {
    if (d.file === null || d.span === null) continue;
    const n = length.get(d.file);
    if (n === undefined) continue; // the std catalog
    expect(0 <= d.span.start && d.span.start <= d.span.end && d.span.end <= n, `${d.rule} ${d.file} ${JSON.stringify(d.span)} of ${n}`).toBe(true);
    for (const r of d.related ?? []) {
      const m = length.get(r.file);
      if (m !== undefined) expect(0 <= r.span.start && r.span.start <= r.span.end && r.span.end <= m).toBe(true);
    }
  }
}

/** Diagnostics without object identity (comparable across workspaces). */
function plain(ds: Diagnostic[]): unknown {
  return JSON.parse(JSON.stringify(ds));
}

describe("checkWorkspace on mutated workspaces", () => {
  it("never throws, and every diagnostic range lies inside its file", () => {
    fc.assert(
      fc.property(mutatedWorkspace, (files) => {
        const { diagnostics } = checkWorkspace(
          files.map((f) => ({ path: f.path, contents: f.text })),
          { today: TODAY },
        );
        rangesInside(diagnostics, files);
      }),
      { numRuns: 120 },
    );
  }, 120_000);
});

describe("editing a kept Workspace equals parsing from scratch", () => {
  it("Workspace.set twice gives the AST, errors and diagnostics of one set of the edited text", () => {
    fc.assert(
      fc.property(fc.nat({ max: ACME.length - 1 }), edit, edit, (i, e1, e2) => {
        const file = ACME[i]!;
        const first = apply(file.text, e1);
        const second = apply(first, e2);
        const kept = new Workspace();
        for (const f of ACME) kept.set(f.path, f.text);
        kept.check({ today: TODAY });
        kept.set(file.path, first);
        kept.check({ today: TODAY });
        kept.set(file.path, second);
        const fresh = new Workspace();
        for (const f of ACME) fresh.set(f.path, f.path === file.path ? second : f.text);
        expect(kept.get(file.path)!.ast).toEqual(fresh.get(file.path)!.ast);
        expect(kept.get(file.path)!.syntaxErrors).toEqual(fresh.get(file.path)!.syntaxErrors);
        expect(plain(kept.check({ today: TODAY }).diagnostics)).toEqual(plain(fresh.check({ today: TODAY }).diagnostics));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});
