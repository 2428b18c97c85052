// Where an objective's period stands relative to today.
import type { Declaration } from "../../ast/nodes.js";
import { periodRange, type DateRange } from "../../workspace/periods.js";
import type { Program } from "../../workspace/program.js";
import { phraseOf } from "../../workspace/values.js";
import { fiscalStartMonth } from "../../model/fiscal.js";

/** An objective's period: its days and whether it is upcoming, running (today inside it) or ended (today after it). */
export interface OkrPeriod {
  readonly range: DateRange;
  readonly text: string;
  readonly state: "upcoming" | "running" | "ended";
}

/** The period of an objective relative to today, or undefined when `period` is absent or not a period. */
export function okrPeriod(program: Program, okr: Declaration, today: string, fiscalStart = fiscalStartMonth(program)): OkrPeriod | undefined {
  const ph = phraseOf(program.prop(okr, "period"));
  const range = periodRange(ph?.expr, fiscalStart);
  if (!ph || !range) return undefined;
  const text = program.fileOf(okr).text.slice(ph.expr.span.start, ph.expr.span.end);
  const state = today < range.start ? "upcoming" : today > range.end ? "ended" : "running";
  return { range, text, state };
}
