// The one number formatter for text people read: diagnostics, hovers, the report.

/** Significant digits of a number written in e-notation. */
const SIGNIFICANT = 3;

/** Numbers this large or larger are written in e-notation (grouped digits stop being readable). */
const HUGE = 1e15;

/**
 * A number for people: thousands grouped and at most `decimals` decimals
 * (`31,231`, `0.85`, `-1,200.5`); a huge one, or a tiny one that the decimals
 * would round to 0, in e-notation with three significant digits (`3.93e30`,
 * `1.2e-7`); infinities as `∞` and `-∞`, and NaN as `NaN`. Never prints
 * float noise (`0.8500000001` → `0.85`) or a bare `Infinity`.
 */
export function formatNumber(n: number, decimals = 3): string {
  if (Number.isNaN(n)) return "NaN";
  if (!Number.isFinite(n)) return n > 0 ? "∞" : "-∞";
  const d = Math.max(0, Math.min(6, Math.trunc(decimals)));
  const abs = Math.abs(n);
  if (abs >= HUGE) return eNotation(n);
  const rounded = Number(abs.toFixed(d));
  if (rounded === 0) return n === 0 || d === 0 ? "0" : eNotation(n);
  const [int, frac] = String(rounded).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${n < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** A whole number for people: `formatNumber` with no decimals (`31,231`). */
export function formatCount(n: number): string {
  return formatNumber(n, 0);
}

/** `3.93e30`, `-1.2e-7`: three significant digits, no trailing zeros, no `+`. */
function eNotation(n: number): string {
  const [mantissa, exponent] = n.toExponential(SIGNIFICANT - 1).split("e");
  const m = mantissa!.includes(".") ? mantissa!.replace(/0+$/, "").replace(/\.$/, "") : mantissa!;
  return `${m}e${Number(exponent)}`;
}
