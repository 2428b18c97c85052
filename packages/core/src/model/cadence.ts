// Period lengths of forum and review rhythms and of metric cadences (docs/rules/README.md, Period lengths).
import type { Program } from "../workspace/program.js";
import type { Declaration } from "../ast/nodes.js";
import { wordOf } from "../workspace/values.js";

/** Days between meetings of a forum or review `every` rhythm: weekly 7, biweekly 14, monthly 31, quarterly 92, annually 366. */
export const RHYTHM_DAYS: ReadonlyMap<string, number> = new Map([
  ["weekly", 7],
  ["biweekly", 14],
  ["monthly", 31],
  ["quarterly", 92],
  ["annually", 366],
]);

/** Days between refreshes of a metric `cadence`: daily 1, then as the rhythms. */
export const CADENCE_DAYS: ReadonlyMap<string, number> = new Map([
  ["daily", 1],
  ["weekly", 7],
  ["monthly", 31],
  ["quarterly", 92],
]);

/** A declaration's `every` rhythm and its length in days, or undefined when absent or unknown. */
export function everyOf(program: Program, decl: Declaration): { word: string; days: number } | undefined {
  const word = wordOf(program.prop(decl, "every"));
  const days = word === undefined ? undefined : RHYTHM_DAYS.get(word);
  return word !== undefined && days !== undefined ? { word, days } : undefined;
}
