import { dirname, posix, relative, resolve, sep } from "node:path";
import type { Diagnostic } from "@pmm/core";
import { UsageError } from "./io.js";

/** One known finding: matched by rule, file, declaration id and message, never by line. */
export interface BaselineEntry {
  readonly rule: string;
  /** Path relative to the baseline file's folder, `/` separators; null for a workspace finding. */
  readonly file: string | null;
  readonly declaration: string | null;
  readonly message: string;
}

/** What applying a baseline left. */
export interface BaselineResult {
  /** Findings the baseline does not hold (these count). */
  readonly fresh: Diagnostic[];
  /** How many findings the baseline held. */
  readonly held: number;
}

function entryKey(e: BaselineEntry): string {
  return JSON.stringify([e.rule, e.file, e.declaration, e.message]);
}

function compareEntries(a: BaselineEntry, b: BaselineEntry): number {
  const ka = [a.file ?? "", a.rule, a.declaration ?? "", a.message];
  const kb = [b.file ?? "", b.rule, b.declaration ?? "", b.message];
  for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i]! < kb[i]! ? -1 : 1;
  return 0;
}

/** A diagnostic as a baseline entry; `cwd` and `baselinePath` are absolute. */
export function toEntry(d: Diagnostic, cwd: string, baselinePath: string): BaselineEntry {
  const file = d.file === null ? null : relative(dirname(baselinePath), resolve(cwd, d.file)).split(sep).join(posix.sep);
  return { rule: d.rule, file, declaration: d.declaration, message: d.message };
}

/** The baseline file's text: stable JSON, findings sorted by file, rule, declaration and message. */
export function baselineText(entries: readonly BaselineEntry[]): string {
  const findings = [...entries].sort(compareEntries).map((e) => ({ rule: e.rule, file: e.file, declaration: e.declaration, message: e.message }));
  return `${JSON.stringify({ version: 1, findings }, null, 2)}\n`;
}

function isNullableString(v: unknown): v is string | null {
  return v === null || typeof v === "string";
}

/** Reads a baseline file's text; throws UsageError (one line) when it is not one. */
export function parseBaseline(text: string, label: string): BaselineEntry[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new UsageError(`${label}: not a baseline file: invalid JSON (${(e as Error).message.split("\n")[0]})`);
  }
  if (typeof value !== "object" || value === null || (value as { version?: unknown }).version !== 1 || !Array.isArray((value as { findings?: unknown }).findings)) {
    throw new UsageError(`${label}: not a baseline file: expected { "version": 1, "findings": [...] }; write one with --update-baseline`);
  }
  const findings = (value as { findings: unknown[] }).findings;
  return findings.map((f, i) => {
    const o = f as Record<string, unknown> | null;
    if (
      typeof o !== "object" ||
      o === null ||
      typeof o["rule"] !== "string" ||
      typeof o["message"] !== "string" ||
      !isNullableString(o["file"]) ||
      !isNullableString(o["declaration"])
    ) {
      throw new UsageError(`${label}: findings[${i}] must have a string \`rule\` and \`message\` and a string or null \`file\` and \`declaration\``);
    }
    return { rule: o["rule"], file: o["file"], declaration: o["declaration"], message: o["message"] };
  });
}

/** Splits findings into those the baseline holds and fresh ones (each entry holds one finding). */
export function applyBaseline(diagnostics: readonly Diagnostic[], entries: readonly BaselineEntry[], cwd: string, baselinePath: string): BaselineResult {
  const budget = new Map<string, number>();
  for (const e of entries) budget.set(entryKey(e), (budget.get(entryKey(e)) ?? 0) + 1);
  const fresh: Diagnostic[] = [];
  let held = 0;
  for (const d of diagnostics) {
    const k = entryKey(toEntry(d, cwd, baselinePath));
    const left = budget.get(k) ?? 0;
    if (left > 0) {
      budget.set(k, left - 1);
      held++;
    } else fresh.push(d);
  }
  return { fresh, held };
}
