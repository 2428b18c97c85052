import type { Expr } from "../ast/nodes.js";

/** A span of calendar days, ISO dates, both inclusive. */
export interface DateRange {
  readonly start: string;
  readonly end: string;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

function lastDay(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

function monthRange(y: number, m0: number, months: number): DateRange {
  // from month m0 (1-based) of year y, `months` months long
  const endMonthIndex = y * 12 + (m0 - 1) + months - 1;
  const ey = Math.floor(endMonthIndex / 12);
  const em = (endMonthIndex % 12) + 1;
  return { start: iso(y, m0, 1), end: iso(ey, em, lastDay(ey, em)) };
}

/**
 * `months` months from `offset` months into fiscal year `year` (the one that
 * ends in `year`; it starts in January of `year` when the fiscal year starts
 * in January, else in `fiscalStartMonth` of the year before).
 */
function fiscalMonths(year: number, fiscalStartMonth: number, offset: number, months: number): DateRange {
  const first = (fiscalStartMonth === 1 ? year : year - 1) * 12 + (fiscalStartMonth - 1) + offset;
  return monthRange(Math.floor(first / 12), (first % 12) + 1, months);
}

/**
 * The days a period or date expression stands for: `2026` (year), `FY2026`
 * (fiscal year ending in 2026, starting at `fiscalStartMonth`), `FY2026-Q1`
 * and `FY2026-H2` (its quarters and halves, counted from its start), `2026-H2`,
 * `2026-Q3`, `2026-09`, or a date (one day). Undefined for anything else.
 */
export function periodRange(expr: Expr | undefined, fiscalStartMonth = 1): DateRange | undefined {
  if (!expr) return undefined;
  switch (expr.type) {
    case "number":
      return expr.yearLike ? monthRange(expr.value, 1, 12) : undefined;
    case "date":
      return { start: expr.iso, end: expr.iso };
    case "period":
      switch (expr.form) {
        case "year":
          return monthRange(expr.year, 1, 12);
        case "fiscal":
          return fiscalMonths(expr.year, fiscalStartMonth, 0, 12);
        case "fiscal_half":
          return fiscalMonths(expr.year, fiscalStartMonth, (expr.index - 1) * 6, 6);
        case "fiscal_quarter":
          return fiscalMonths(expr.year, fiscalStartMonth, (expr.index - 1) * 3, 3);
        case "half":
          return monthRange(expr.year, expr.index === 1 ? 1 : 7, 6);
        case "quarter":
          return monthRange(expr.year, (expr.index - 1) * 3 + 1, 3);
        case "month":
          return monthRange(expr.year, expr.index, 1);
      }
      return undefined;
    default:
      return undefined;
  }
}

/** Days from date a to date b (ISO), b − a. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

/** An ISO date plus n days. */
export function addDays(date: string, n: number): string {
  const t = new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000);
  return iso(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}

/** True for a valid ISO `YYYY-MM-DD` date. */
export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const t = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(t.getTime()) && t.toISOString().slice(0, 10) === s;
}
