// Workspace-level properties with fast-check: a full
// check never throws on random or mutated files, every diagnostic range lies
// inside its file, and a file edited in a kept Workspace (as the language
// server keeps one) parses and checks exactly like the edited text from scratch.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { Catalog, checkWorkspace, decodeText, lex, Parser, Workspace, type Diagnostic } from "../packages/core/src/index.js";

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

/** One std catalog for every check in this file (each workspace would otherwise parse its own). */
const CATALOG = new Catalog();

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
          { catalog: CATALOG },
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
        const kept = new Workspace({ catalog: CATALOG });
        for (const f of ACME) kept.set(f.path, f.text);
        kept.check({ today: TODAY });
        kept.set(file.path, first);
        kept.check({ today: TODAY });
        kept.set(file.path, second);
        const fresh = new Workspace({ catalog: CATALOG });
        for (const f of ACME) fresh.set(f.path, f.path === file.path ? second : f.text);
        expect(kept.get(file.path)!.ast).toEqual(fresh.get(file.path)!.ast);
        expect(kept.get(file.path)!.syntaxErrors).toEqual(fresh.get(file.path)!.syntaxErrors);
        expect(plain(kept.check({ today: TODAY }).diagnostics)).toEqual(plain(fresh.check({ today: TODAY }).diagnostics));
      }),
      { numRuns: 60 },
    );
  }, 120_000);
});

const ANTI = pmmFiles(join(ROOT, "examples/anti-patterns")).map((p) => ({ path: relative(join(ROOT, "examples/anti-patterns"), p), text: readFileSync(p, "utf8") }));

/** Offsets of the literal tokens of a text (numbers, money, dates, periods, strings). */
function literalTokens(text: string): Array<{ start: number; end: number; type: string }> {
  return lex(text)
    .tokens.filter((t) => t.literal)
    .map((t) => ({ start: t.startOffset, end: t.endOffset + 1, type: t.literal!.type }));
}

/** A value edit: a literal replaced by another of its type, or blank space added before a token. */
const valueEditOf = fc.record({ pick: fc.nat(), digits: fc.nat({ max: 99_999 }), words: fc.string({ maxLength: 12 }), blank: fc.constantFrom(" ", "\n", "\n\n  ", "\t") });

function applyValueEdit(text: string, e: { pick: number; digits: number; words: string; blank: string }): string {
  const lits = literalTokens(text);
  if (lits.length === 0) return text;
  const lit = lits[e.pick % lits.length]!;
  const raw = text.slice(lit.start, lit.end);
  let next: string;
  if (lit.type === "string") next = JSON.stringify(e.words.replace(/[\\"{}\n\r]/g, ""));
  else if (lit.type === "number") next = raw.replace(/\d[\d_.]*/, String(e.digits));
  else if (lit.type === "money") next = raw.replace(/\d[\d_.]*/, String(e.digits % 1000));
  else if (lit.type === "date") next = `2026-${String((e.digits % 12) + 1).padStart(2, "0")}-${String((e.digits % 28) + 1).padStart(2, "0")}`;
  else next = `${e.blank}${raw}`;
  return text.slice(0, lit.start) + next + text.slice(lit.end);
}

/** An id declared in a text (`metric x`, `team y`…), to rename everywhere it is written. */
function idsOf(text: string): string[] {
  return [...text.matchAll(/^\s*(?:metric|team|source|workstream|okr|launch|report|forum|dashboard|experiment|review|attribution)\s+([a-z_][a-z0-9_]*)/gm)].map((m) => m[1]!);
}

/**
 * One edit of a kept workspace: a value edit, a random structural edit (text
 * inserted or removed anywhere, syntax errors included), a rename of a
 * declared id in every file, a new metric, or a file removed and added back.
 */
const workspaceEdit = fc.oneof(
  fc.record({ kind: fc.constant("value" as const), file: fc.nat(), e: valueEditOf }),
  fc.record({ kind: fc.constant("text" as const), file: fc.nat(), e: edit }),
  fc.record({ kind: fc.constant("rename" as const), file: fc.nat(), pick: fc.nat() }),
  fc.record({ kind: fc.constant("add" as const), file: fc.nat(), n: fc.nat({ max: 99 }) }),
  fc.record({ kind: fc.constant("delete" as const), file: fc.nat() }),
);
type WorkspaceEdit = typeof workspaceEdit extends fc.Arbitrary<infer T> ? T : never;

/** Applies an edit to the texts; the paths whose text changed (undefined text: the file is gone). */
function applyWorkspaceEdit(texts: Map<string, string | undefined>, files: ReadonlyArray<{ path: string; text: string }>, w: WorkspaceEdit): string[] {
  const paths = files.map((f) => f.path);
  const path = paths[w.file % paths.length]!;
  const text = texts.get(path);
  if (w.kind === "delete") {
    texts.set(path, text === undefined ? files.find((f) => f.path === path)!.text : undefined);
    return [path];
  }
  if (text === undefined) return [];
  if (w.kind === "value") texts.set(path, applyValueEdit(text, w.e));
  else if (w.kind === "text") texts.set(path, apply(text, w.e));
  else if (w.kind === "add") texts.set(path, `${text}\nmetric added_${w.n} "Added" {\n  type: input\n  owner: pmm\n}\n`);
  else {
    const ids = idsOf(text);
    if (ids.length === 0) return [];
    const id = ids[w.pick % ids.length]!;
    const changed: string[] = [];
    for (const p of paths) {
      const t = texts.get(p);
      if (t === undefined) continue;
      const next = t.replace(new RegExp(`\\b${id}\\b`, "g"), `${id}_renamed`);
      if (next !== t) {
        texts.set(p, next);
        changed.push(p);
      }
    }
    return changed;
  }
  return [path];
}

describe("edits in a kept Workspace (values, structure, renames, new metrics, removed files)", () => {
  const parser = new Parser();
  const catalog = new Catalog(parser);
  for (const [name, files] of [
    ["acme", ACME],
    ["anti-patterns", ANTI],
  ] as const) {
    it(`give the diagnostics of a fresh check (${name})`, () => {
      fc.assert(
        fc.property(fc.array(workspaceEdit, { minLength: 1, maxLength: 4 }), fc.boolean(), (edits, checkBetween) => {
          const kept = new Workspace({ parser, catalog });
          const texts = new Map<string, string | undefined>(files.map((f) => [f.path, f.text]));
          for (const f of files) kept.set(f.path, f.text);
          kept.check({ today: TODAY });
          for (const e of edits) {
            for (const path of applyWorkspaceEdit(texts, files, e)) {
              const t = texts.get(path);
              if (t === undefined) kept.delete(path);
              else kept.set(path, t);
            }
            if (checkBetween) kept.check({ today: TODAY });
          }
          const now = [...texts].filter((x): x is [string, string] => x[1] !== undefined);
          const fresh = checkWorkspace(
            now.map(([path, text]) => ({ path, contents: text })),
            { today: TODAY },
            { parser, catalog },
          );
          const got = kept.check({ today: TODAY });
          expect(plain(got.diagnostics)).toEqual(plain(fresh.diagnostics));
          for (const [path] of now) expect(kept.get(path)!.ast).toEqual(fresh.program.files.find((f) => f.path === path)!.ast);
        }),
        { numRuns: 80 },
      );
    }, 240_000);
  }

  it("runs every rule again after an edit", () => {
    const kept = new Workspace({ parser, catalog });
    for (const f of ACME) kept.set(f.path, f.text);
    const all: string[] = [];
    kept.check({ today: TODAY, onRuleTimed: (id) => all.push(id) });
    const file = ACME.find((f) => /\bbaseline: /.test(f.text))!;
    kept.set(file.path, file.text.replace(/\bbaseline: (\d)/, "baseline: 9$1"));
    const ran: string[] = [];
    kept.check({ today: TODAY, onRuleTimed: (id) => ran.push(id) });
    expect(ran).toEqual(all);
    expect(ran.length).toBeGreaterThan(40);
  });
});
