// The value-only edit: the commonest edit in an editor (typing a number, a
// date, a definition) changes literals and shifts offsets but keeps every
// declaration, name, reference and comment. Such an edit is found by walking
// the old and the new AST in step; the old AST is then patched in place, so the
// program's indexes (which hold its nodes) stay valid, and only the rules that
// read the changed properties need to run again (workspace.ts).

import type { FileNode } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import { TITLE_READ } from "./reads.js";

/** What a value-only edit changed. */
export interface ValueEdit {
  /** Names of the properties whose values changed (`#title` for a title). */
  readonly changed: ReadonlySet<string>;
  /** Maps an offset in the old text to the new text. */
  map(offset: number): number;
}

/** AST node types that are literals: their fields may change in a value edit. */
const LITERALS = new Set(["number", "money", "duration", "rate", "date", "period", "string", "bool"]);

type Node = Record<string, unknown>;

/** Fields that hold a span: `span`, `kindSpan`, `keywordSpan`… */
function isSpanKey(key: string): boolean {
  return key === "span" || key.endsWith("Span");
}

/** Stops the walk: the two trees differ in more than values. */
class Structural extends Error {}

/**
 * Compares two parses of one file. Returns the edit when they differ only in
 * literal values inside properties or titles and in offsets, else null.
 */
export function valueEdit(before: FileNode, after: FileNode): ValueEdit | null {
  const changed = new Set<string>();
  const anchors: number[] = [];
  const walk = (a: unknown, b: unknown, property: string | null, literal: boolean, key: string): void => {
    // A boundary of another span-like field (a declaration's `block`).
    if (typeof a === "number" && (key === "start" || key === "end")) {
      if (typeof b !== "number") throw new Structural();
      anchors.push(a, b);
      return;
    }
    if (a === b) return;
    // Every span boundary is an anchor of the offset map, moved or not.
    if (isSpanKey(key)) {
      if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) throw new Structural();
      const x = a as Span;
      const y = b as Span;
      anchors.push(x.start, y.start, x.end, y.end);
      return;
    }
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) {
      if (literal && property !== null && typeof a === typeof b) {
        changed.add(property);
        return;
      }
      throw new Structural();
    }
    if (Array.isArray(a)) {
      if (!Array.isArray(b) || a.length !== b.length) throw new Structural();
      for (let i = 0; i < a.length; i++) walk(a[i], b[i], property, literal, key);
      return;
    }
    if (Array.isArray(b)) throw new Structural();
    const x = a as Node;
    const y = b as Node;
    if (x.type !== y.type) throw new Structural();
    const isLiteral = literal || (typeof x.type === "string" && LITERALS.has(x.type));
    const name = x.type === "property" ? ((x.name as { name: string }).name ?? null) : property;
    let keys = 0;
    for (const k in x) {
      keys++;
      if (!(k in y)) throw new Structural();
      walk(x[k], y[k], k === "title" ? TITLE_READ : name, isLiteral, k);
    }
    for (const _ in y) keys--;
    if (keys !== 0) throw new Structural();
  };
  try {
    walk(before, after, null, false, "");
  } catch (e) {
    if (e instanceof Structural) return null;
    throw e;
  }
  let map: ((offset: number) => number) | undefined;
  return { changed, map: (offset) => (map ??= offsetMap(anchors))(offset) };
}

/**
 * The offset map from the anchors (old, new pairs of span boundaries): an
 * offset moves by the shift of the nearest anchor at or before it.
 */
function offsetMap(anchors: readonly number[]): (offset: number) => number {
  const pairs: Array<[number, number]> = [];
  for (let i = 0; i < anchors.length; i += 2) pairs.push([anchors[i]!, anchors[i + 1]!]);
  pairs.sort((p, q) => p[0] - q[0] || p[1] - q[1]);
  return (x) => {
    let lo = 0;
    let hi = pairs.length - 1;
    let best = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (pairs[mid]![0] <= x) {
        best = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (best < 0) return x;
    const [from, to] = pairs[best]!;
    return x + (to - from);
  };
}

/**
 * Copies every value of `after` into `before`, keeping `before`'s objects
 * (only call after `valueEdit` said the trees have the same shape).
 */
export function patchInPlace(before: FileNode, after: FileNode): void {
  const copy = (a: Node, b: Node): void => {
    for (const k in a) {
      const x = a[k];
      const y = b[k];
      if (x === y) continue;
      if (isSpanKey(k) && typeof x === "object" && x !== null) {
        const to = x as { start: number; end: number };
        const from = y as Span;
        to.start = from.start;
        to.end = from.end;
      } else if (typeof x === "object" && x !== null) copy(x as Node, y as Node);
      else a[k] = y;
    }
  };
  copy(before as unknown as Node, after as unknown as Node);
}
