// Quantities and periods of the blueprint written for people: `29%`, `$44M`, `45d`, `2026-Q4`.
import type { Period, Quantity } from "./types.js";

const SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["USD", "$"],
  ["EUR", "€"],
  ["GBP", "£"],
]);

/** A number with thousands separators and at most three decimals: 24000 → `24,000`, 0.5636 → `0.564`. */
export function formatPlain(n: number): string {
  const rounded = Math.round(n * 1000) / 1000;
  const [int, frac] = String(Math.abs(rounded)).split(".");
  const grouped = int!.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${rounded < 0 ? "-" : ""}${grouped}${frac ? `.${frac}` : ""}`;
}

/** An amount compactly: 44000000 → `44M`, 25100 → `25.1k`. */
function compact(n: number): string {
  const abs = Math.abs(n);
  const [div, suffix] = abs >= 1e9 ? [1e9, "B"] : abs >= 1e6 ? [1e6, "M"] : abs >= 1e4 ? [1e3, "k"] : [1, ""];
  return `${formatPlain(Math.round((n / div) * 100) / 100)}${suffix}`;
}

/** A quantity as written in `.pmm` (near enough for people): `29%`, `$44M`, `45d`, `650/month`. */
export function formatQuantity(q: Quantity | null): string {
  if (q === null) return "—";
  switch (q.unit) {
    case "percent":
      return `${formatPlain(q.value)}%`;
    case "pp":
      return `${formatPlain(q.value)}pp`;
    case "multiple":
      return `${formatPlain(q.value)}x`;
    case "currency": {
      const symbol = SYMBOLS.get(q.currency);
      return symbol ? `${q.value < 0 ? "-" : ""}${symbol}${compact(Math.abs(q.value))}` : `${compact(q.value)} ${q.currency}`;
    }
    case "days":
      // Months and years read better than hundreds of days: 450 → `15mo`.
      if (q.value >= 365 && q.value % 365 === 0) return `${formatPlain(q.value / 365)}y`;
      if (q.value >= 60 && q.value % 30 === 0) return `${formatPlain(q.value / 30)}mo`;
      return `${formatPlain(q.value)}d`;
    case "per_day":
    case "per_week":
    case "per_month":
    case "per_year":
      return `${formatPlain(q.value)}/${q.unit.slice(4)}`;
    default:
      return formatPlain(q.value);
  }
}

/** Days in a month (1-based). */
function monthDays(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * A period by its name: `2026`, `2026-H2`, `2026-Q4`, `2026-09`, a single
 * date, `FY2026` (a twelve-month span starting at `fiscalStart`), else
 * `START – END`.
 */
export function formatPeriod(p: Period | null, fiscalStart = 1): string {
  if (p === null) return "—";
  if (p.start === p.end) return p.start;
  const [sy, sm, sd] = p.start.split("-").map(Number) as [number, number, number];
  const [ey, em, ed] = p.end.split("-").map(Number) as [number, number, number];
  const months = (ey - sy) * 12 + (em - sm) + 1;
  if (sd === 1 && ed === monthDays(ey, em)) {
    if (months === 12 && sm === 1) return String(sy);
    if (months === 12 && sm === fiscalStart) return `FY${ey}`;
    const intoFiscal = (sm - fiscalStart + 12) % 12;
    const fy = fiscalStart === 1 || sm < fiscalStart ? sy : sy + 1;
    if (fiscalStart !== 1 && months === 6 && intoFiscal % 6 === 0) return `FY${fy}-H${intoFiscal / 6 + 1}`;
    if (fiscalStart !== 1 && months === 3 && intoFiscal % 3 === 0) return `FY${fy}-Q${intoFiscal / 3 + 1}`;
    if (months === 6 && (sm === 1 || sm === 7)) return `${sy}-H${sm === 1 ? 1 : 2}`;
    if (months === 3 && (sm - 1) % 3 === 0) return `${sy}-Q${(sm - 1) / 3 + 1}`;
    if (months === 1) return `${sy}-${String(sm).padStart(2, "0")}`;
  }
  return `${p.start} – ${p.end}`;
}
