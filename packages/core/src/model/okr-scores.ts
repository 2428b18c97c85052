import type { Declaration, KeyResult } from "../ast/nodes.js";
import { prop } from "../workspace/program.js";
import { asLiteral, modifierOf, numericValue } from "../workspace/values.js";

/** Score bands (docs/rules/README.md, OKR scores): red < 0.4 ≤ yellow < 0.7 ≤ green. */
export type ScoreBand = "red" | "yellow" | "green";

/** A key result's score, or null when it has no usable `current`. */
export interface KeyResultScore {
  readonly score: number | null;
  readonly band: ScoreBand | null;
  readonly current: number | null;
  /** ISO date of the `current` reading (`on DATE`), if given. */
  readonly currentOn: string | null;
}

/** The band of a score. */
export function scoreBand(score: number): ScoreBand {
  return score < 0.4 ? "red" : score < 0.7 ? "yellow" : "green";
}

/** Scores a key result: (current − from) / (to − from), clamped to 0–1. */
export function scoreKeyResult(kr: KeyResult): KeyResultScore {
  const currentProp = prop(kr, "current");
  const phrase = currentProp?.value && currentProp.value.type === "phrase" ? currentProp.value : undefined;
  const current = numericValue(asLiteral(phrase?.expr));
  const on = modifierOf(phrase, "on");
  const currentOn = on?.type === "date" ? on.iso : null;
  const from = numericValue(asLiteral(kr.from));
  const to = numericValue(asLiteral(kr.to));
  if (current === undefined || from === undefined || to === undefined || to === from) {
    return { score: null, band: null, current: current ?? null, currentOn };
  }
  const raw = (current - from) / (to - from);
  const score = Math.min(1, Math.max(0, raw));
  return { score, band: scoreBand(score), current, currentOn };
}

/** An objective's score: the mean of its scored key results, or null when none is scored. */
export function scoreObjective(okr: Declaration): { score: number | null; band: ScoreBand | null } {
  const scores = okr.keyResults.map((kr) => scoreKeyResult(kr).score).filter((s): s is number => s !== null);
  if (scores.length === 0) return { score: null, band: null };
  const score = scores.reduce((a, b) => a + b, 0) / scores.length;
  return { score, band: scoreBand(score) };
}
