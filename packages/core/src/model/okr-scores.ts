import type { Declaration, KeyResult } from "../ast/nodes.js";
import { prop, type Program } from "../workspace/program.js";
import { asLiteral, modifierOf, numericValue, phraseOf } from "../workspace/values.js";

/** Score bands (docs/rules/README.md, OKR scores): red < 0.4 ≤ yellow < 0.7 ≤ green. */
export type ScoreBand = "red" | "yellow" | "green";

/** A key result's score, or null when it has no usable `current` (or no start where its form needs one). */
export interface KeyResultScore {
  readonly score: number | null;
  readonly band: ScoreBand | null;
  /** The latest reading; for a milestone, 1 when `done` and 0 when `pending`. */
  readonly current: number | null;
  /** ISO date of the `current` reading (`on DATE`), if given. */
  readonly currentOn: string | null;
  /** The value progress is measured from: FROM, else the metric's baseline (`target` and `change`); null for `hold` and milestones. */
  readonly start: number | null;
  /** The value to reach: TO, or the start moved by the change; the bound of a `hold`; null for milestones. */
  readonly goal: number | null;
  /** True when the form needs a start (`target`, `change`) and neither FROM nor a baseline gives one. */
  readonly needsStart: boolean;
}

/** The band of a score. */
export function scoreBand(score: number): ScoreBand {
  return score < 0.4 ? "red" : score < 0.7 ? "yellow" : "green";
}

/** The value a `change` key result aims at from `start`: relative for a percent (`-35%`), else absolute (`+30`, `+4pp`). */
export function changedValue(kr: KeyResult, start: number): number | undefined {
  const lit = asLiteral(kr.change ?? undefined);
  const amount = numericValue(lit);
  if (amount === undefined) return undefined;
  const signed = kr.sign === "-" ? -amount : amount;
  return lit?.type === "number" && lit.unit === "percent" ? start * (1 + signed / 100) : start + signed;
}

/** A reading of a key result's metric taken from outside the workspace (the warehouse): value and date. */
export interface KeyResultReading {
  readonly value: number;
  readonly on: string;
}

/**
 * Scores a key result by its form (grammar/LANGUAGE.md, section 4):
 * `move`, `target` and `change` score (current − start) / (goal − start),
 * clamped to 0–1, where a `target` or `change` starts from `baseline` (the
 * metric's baseline value); a `hold` scores 1 while the reading is within its
 * ceiling or floor, else 0; a milestone scores 1 when `done`, else 0. A
 * numeric key result without `current` is scored from `reading` when given.
 */
export function scoreKeyResult(kr: KeyResult, baseline?: number, reading?: KeyResultReading): KeyResultScore {
  const currentProp = prop(kr, "current");
  const phrase = currentProp?.value && currentProp.value.type === "phrase" ? currentProp.value : undefined;
  const on = modifierOf(phrase, "on");
  // Without `current`, a numeric key result reads the warehouse (`--readings`) when a reading is given.
  const fromReading = currentProp === undefined && reading !== undefined && kr.form !== "milestone";
  const currentOn = fromReading ? reading.on : on?.type === "date" ? on.iso : null;
  if (kr.form === "milestone") {
    const word = phrase?.expr.type === "name" ? phrase.expr.name : undefined;
    const current = word === "done" ? 1 : word === "pending" ? 0 : null;
    return { score: current, band: current === null ? null : scoreBand(current), current, currentOn, start: null, goal: null, needsStart: false };
  }
  const current = fromReading ? reading.value : (numericValue(asLiteral(phrase?.expr)) ?? null);
  if (kr.form === "hold") {
    const bound = numericValue(asLiteral(kr.to ?? undefined)) ?? null;
    const score = current === null || bound === null ? null : (kr.bound === "at_most" ? current <= bound : current >= bound) ? 1 : 0;
    return { score, band: score === null ? null : scoreBand(score), current, currentOn, start: null, goal: bound, needsStart: false };
  }
  const start = kr.form === "move" ? numericValue(asLiteral(kr.from ?? undefined)) : baseline;
  const needsStart = kr.form !== "move" && start === undefined;
  const goal = kr.form === "change" ? (start === undefined ? undefined : changedValue(kr, start)) : numericValue(asLiteral(kr.to ?? undefined));
  const base = { current, currentOn, start: start ?? null, goal: goal ?? null, needsStart };
  if (current === null || start === undefined || goal === undefined || goal === start) return { ...base, score: null, band: null };
  const score = Math.min(1, Math.max(0, (current - start) / (goal - start)));
  return { ...base, score, band: scoreBand(score) };
}

/** An objective's score: the mean of its scored key results, or null when none is scored. `baselineOf` gives a metric's baseline value. */
export function scoreObjective(
  okr: Declaration,
  baselineOf?: (metric: string) => number | undefined,
  readingOf?: (kr: KeyResult) => KeyResultReading | undefined,
): { score: number | null; band: ScoreBand | null } {
  const scores = okr.keyResults.map((kr) => scoreKeyResult(kr, baselineOf?.(kr.metric.name), readingOf?.(kr)).score).filter((s): s is number => s !== null);
  if (scores.length === 0) return { score: null, band: null };
  const score = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { score, band: scoreBand(score) };
}

/** A metric's baseline value by id (its own `baseline`, else its catalog entry's), for the forms that start from it. */
export function baselineOf(program: Program): (metric: string) => number | undefined {
  return (id) => numericValue(asLiteral(phraseOf(program.metric(id)?.prop("baseline"))?.expr));
}
