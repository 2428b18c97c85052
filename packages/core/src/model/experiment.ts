import type { Declaration, Literal } from "../ast/nodes.js";
import { prop } from "../workspace/program.js";
import { literalOf } from "../workspace/values.js";
import { daysToSample, sampleSizeMeans, sampleSizeProportions } from "./sample-size.js";

/** What an experiment needs: sample size per arm and days of traffic to reach it. */
export interface ExperimentSampleSize {
  /** `proportions` (baseline and expect as rates) or `means` (with `sd`). */
  readonly kind: "proportions" | "means";
  /** Sample size per arm, rounded up. */
  readonly n: number;
  /** Number of arms (default 2). */
  readonly arms: number;
  /** Eligible traffic per day. */
  readonly perDay: number;
  /** Days of traffic to reach n in every arm, rounded up. */
  readonly days: number;
  readonly alpha: number;
  readonly power: number;
}

function literal(decl: Declaration, name: string): Literal | undefined {
  return literalOf(prop(decl, name));
}

/** A proportion as a fraction: `4%` → 0.04, a plain `0.04` → 0.04. */
function proportion(lit: Literal | undefined): number | undefined {
  if (lit?.type !== "number") return undefined;
  if (lit.unit === "percent") return lit.value / 100;
  if (lit.unit === "none" && lit.value > 0 && lit.value < 1) return lit.value;
  return undefined;
}

/** A plain quantity (numbers and durations in days; money amounts). */
function quantity(lit: Literal | undefined): number | undefined {
  if (!lit) return undefined;
  if (lit.type === "number" || lit.type === "money") return lit.value;
  if (lit.type === "duration") return lit.days;
  return undefined;
}

/** `alpha`/`power` as a fraction (`0.05` or `5%`), else the default. */
function fractionOr(lit: Literal | undefined, fallback: number): number {
  if (lit?.type !== "number") return fallback;
  const v = lit.unit === "percent" ? lit.value / 100 : lit.unit === "none" ? lit.value : NaN;
  return v > 0 && v < 1 ? v : fallback;
}

/**
 * The sample size per arm and the days of traffic an experiment needs
 * (docs/rules/experiment-sample-size.md), or null when its values cannot be read.
 * Proportions: `baseline` and `expect` as percentages, or `mde` as `1pp`
 * (absolute) or `10%` (relative to the baseline). Means (`sd` given): the
 * effect is `expect − baseline`, or `mde` (absolute, or `10%` of the baseline).
 */
export function experimentSampleSize(decl: Declaration): ExperimentSampleSize | null {
  const traffic = literal(decl, "traffic");
  if (traffic?.type !== "rate" || !(traffic.perDay > 0)) return null;
  const alpha = fractionOr(literal(decl, "alpha"), 0.05);
  const power = fractionOr(literal(decl, "power"), 0.8);
  const armsLit = literal(decl, "arms");
  const arms = armsLit?.type === "number" && armsLit.unit === "none" && Number.isInteger(armsLit.value) && armsLit.value >= 2 ? armsLit.value : 2;
  const expectLit = literal(decl, "expect");
  const mdeLit = literal(decl, "mde");
  const sdLit = literal(decl, "sd");
  let n: number;
  let kind: ExperimentSampleSize["kind"];
  if (sdLit) {
    const sd = quantity(sdLit);
    const base = quantity(literal(decl, "baseline"));
    let delta: number | undefined;
    if (expectLit) {
      const e = quantity(expectLit);
      delta = e !== undefined && base !== undefined ? Math.abs(e - base) : undefined;
    } else if (mdeLit?.type === "number" && mdeLit.unit === "percent") {
      delta = base !== undefined ? Math.abs((base * mdeLit.value) / 100) : undefined;
    } else {
      const m = quantity(mdeLit);
      delta = m !== undefined ? Math.abs(m) : undefined;
    }
    if (sd === undefined || !(sd > 0) || delta === undefined || !(delta > 0)) return null;
    n = sampleSizeMeans(sd, delta, alpha, power);
    kind = "means";
  } else {
    const p1 = proportion(literal(decl, "baseline"));
    if (p1 === undefined) return null;
    let p2: number | undefined;
    if (expectLit) p2 = proportion(expectLit);
    else if (mdeLit?.type === "number") {
      // `1pp` (or a plain number, read in percentage points) is absolute; `10%` is relative to the baseline.
      p2 = mdeLit.unit === "percent" ? p1 * (1 + mdeLit.value / 100) : mdeLit.unit === "pp" || mdeLit.unit === "none" ? p1 + mdeLit.value / 100 : undefined;
    }
    if (p2 === undefined || !(p2 > 0 && p2 < 1) || p2 === p1) return null;
    n = sampleSizeProportions(p1, p2, alpha, power);
    kind = "proportions";
  }
  if (!Number.isFinite(n) || n <= 0) return null;
  return { kind, n, arms, perDay: traffic.perDay, days: daysToSample(n, arms, traffic.perDay), alpha, power };
}

/** Why an experiment can never reach significance, whatever its sample: no traffic, or a lift of 0 to detect. */
export interface HopelessExperiment {
  /** `traffic` (0 a day), `mde` (0) or `expect` (equal to `baseline`). */
  readonly property: "traffic" | "mde" | "expect";
  readonly lit: Literal;
}

/**
 * The value that makes a test unable to ever reach significance, or null:
 * `traffic: 0/day` collects no sample, and `mde: 0pp` (or an `expect` equal
 * to the `baseline`) asks to detect no change, which needs an infinite one.
 * `experimentSampleSize` gives null for both; this says why.
 */
export function hopelessExperiment(decl: Declaration): HopelessExperiment | null {
  const traffic = literal(decl, "traffic");
  if (traffic?.type === "rate" && traffic.perDay === 0) return { property: "traffic", lit: traffic };
  const expectLit = literal(decl, "expect");
  const means = literal(decl, "sd") !== undefined;
  if (expectLit) {
    const read = means ? quantity : proportion;
    const e = read(expectLit);
    const base = read(literal(decl, "baseline"));
    return e !== undefined && e === base ? { property: "expect", lit: expectLit } : null;
  }
  const mdeLit = literal(decl, "mde");
  if (mdeLit && (mdeLit.type === "number" || mdeLit.type === "money") && mdeLit.value === 0) return { property: "mde", lit: mdeLit };
  return null;
}
