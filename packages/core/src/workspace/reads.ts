// Which property values a computation reads, so an edit that only changes
// values can re-run just the rules that read them (workspace.ts).
//
// Every read of a property by name goes through `prop()` or `MetricModel`
// (program.ts), which call `noteRead`. While `trackReads` runs a function, the
// names read are collected; outside it, `noteRead` is one null check.
// Results cached across rules must go through `programMemo`, which replays the
// reads of the computation on every hit, so a rule that only hits the cache
// still depends on what the cache read.

import type { Program } from "./program.js";

/** The pseudo-name read by anything that looks at the program's value issues. */
export const VALUE_ISSUES_READ = "#value-issues";

/** The pseudo-name of the files' raw text (a rule that scans characters): every value-only edit changes it. */
export const TEXT_READ = "#text";

/** The pseudo-name of titles (`metric x "Title"`): read through `titleOf` / `displayName`, changed by a value-only edit of a title. */
export const TITLE_READ = "#title";

let current: Set<string> | null = null;

/** Records that a property (by name) was read. */
export function noteRead(name: string): void {
  if (current !== null) current.add(name);
}

/** Runs `f`, collecting the property names it reads (nested runs also count for the outer one). */
export function trackReads<T>(f: () => T): { value: T; reads: Set<string> } {
  const outer = current;
  const reads = new Set<string>();
  current = reads;
  try {
    return { value: f(), reads };
  } finally {
    current = outer;
    if (outer !== null) for (const r of reads) outer.add(r);
  }
}

const memos = new WeakMap<Program, Map<string, { value: unknown; reads: ReadonlySet<string> }>>();

/** A value computed once per program and key; its reads count for every caller. */
export function programMemo<T>(program: Program, key: string, compute: () => T): T {
  let byKey = memos.get(program);
  if (!byKey) memos.set(program, (byKey = new Map()));
  const hit = byKey.get(key);
  if (hit) {
    if (current !== null) for (const r of hit.reads) current.add(r);
    return hit.value as T;
  }
  const { value, reads } = trackReads(compute);
  byKey.set(key, { value, reads });
  return value;
}
