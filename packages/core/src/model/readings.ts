// Warehouse readings (`pmm render --readings FILE`): the values `mf query --csv` computed, as text in →
// series per metric + problems out. No I/O; docs/readings.md describes both formats.
import { blueprintCurrency } from "./blueprint.js";
import { dbtName } from "./dbt-names.js";
import { isIsoDate } from "../workspace/periods.js";
import type { Program } from "../workspace/program.js";
import { asLiteral, numericValue, phraseOf } from "../workspace/values.js";
import { closest } from "../util/suggest.js";

/** The time grain of a readings file: the suffix of its `metric_time__GRAIN` column. */
export type ReadingsGrain = "day" | "week" | "month" | "quarter";

const GRAINS: readonly ReadingsGrain[] = ["day", "week", "month", "quarter"];

/** One reading: the period's first day and the value the warehouse computed. */
export interface ReadingPoint {
  readonly date: string;
  readonly value: number;
}

/** What the parser needs to know of a metric a column names. */
export interface ReadingsMetric {
  /** The workspace id (the readings and the blueprint use it). */
  readonly id: string;
  /** The metric's `unit` (`count`, `percent`, `currency`, …), or null. */
  readonly unit: string | null;
  /** Its baseline as a plain number in the metric's unit, when it has one (to spot fractions written for percentages). */
  readonly baseline: number | null;
}

/** A problem with the readings: 1-based line and column of the text (null for the whole file), and the message. */
export interface ReadingsProblem {
  readonly line: number | null;
  readonly column: number | null;
  readonly message: string;
}

/** The parsed readings: the grain and each metric's points (sorted by date), in the order the columns came. */
export interface Readings {
  readonly grain: ReadingsGrain | null;
  readonly series: ReadonlyMap<string, readonly ReadingPoint[]>;
  readonly problems: readonly ReadingsProblem[];
}

/** Options of `parseReadings`. */
export interface ReadingsOptions {
  /** `csv` (as `mf query --csv` writes) or `json` (an array of row objects with the same keys). */
  readonly format: "csv" | "json";
  /** The metric a column name stands for (its exported dbt name, which for a pmm id is the id), or undefined. */
  readonly metric: (column: string) => ReadingsMetric | undefined;
  /** Every column name the workspace knows, for did-you-mean. */
  readonly names: Iterable<string>;
  /** The blueprint's currency (`USD`): an amount in another currency contradicts a currency metric. */
  readonly currency: string;
}

/** A cell as read: its text (or JSON number/null) and where it starts. */
interface Cell {
  readonly text: string | null;
  readonly number?: number;
  readonly line: number;
  readonly column: number;
}

/** A table: the header cells and the data rows. */
interface Table {
  readonly header: readonly Cell[];
  readonly rows: ReadonlyArray<{ readonly line: number; readonly column: number; readonly cells: ReadonlyMap<number, Cell> }>;
}

const CURRENCY_SYMBOLS: ReadonlyMap<string, string> = new Map([
  ["$", "USD"],
  ["€", "EUR"],
  ["£", "GBP"],
]);

/** A cell's number: plain (`29.5`, `-3`, `1e3`, `1,234`), with `%`, a currency symbol or code, or a magnitude (`1.2M`). */
interface CellValue {
  readonly value: number;
  readonly percent: boolean;
  readonly currency: string | null;
}

const NUMBER = /^([+-]?)(\d[\d,_]*(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+))?([kKmMbB])?$/;
const MAGNITUDE: ReadonlyMap<string, number> = new Map([
  ["k", 1e3],
  ["m", 1e6],
  ["b", 1e9],
]);

/** Reads a cell's text as a number with its unit marks, or undefined when it is not one. */
function cellValue(raw: string): CellValue | undefined {
  let s = raw.trim();
  let percent = false;
  let currency: string | null = null;
  if (s.endsWith("%")) {
    percent = true;
    s = s.slice(0, -1).trim();
  }
  const code = /^([A-Z]{3})\s+(.*)$/.exec(s) ?? /^(.*?)\s+([A-Z]{3})$/.exec(s);
  if (code) {
    const [c, rest] = /^[A-Z]{3}$/.test(code[1]!) ? [code[1]!, code[2]!] : [code[2]!, code[1]!];
    currency = c;
    s = rest.trim();
  }
  let sign = "";
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s[0]!;
    s = s.slice(1);
  }
  const symbol = CURRENCY_SYMBOLS.get(s[0] ?? "");
  if (symbol !== undefined) {
    if (currency !== null) return undefined;
    currency = symbol;
    s = s.slice(1);
  }
  const m = NUMBER.exec(sign + s);
  if (!m) return undefined;
  if (m[2]!.includes(",") && !/^\d{1,3}(,\d{3})*(\.\d*)?$/.test(m[2]!)) return undefined;
  const mantissa = Number(m[2]!.replace(/[,_]/g, ""));
  const value = (m[1] === "-" ? -1 : 1) * mantissa * 10 ** Number(m[3] ?? 0) * (m[4] ? MAGNITUDE.get(m[4].toLowerCase())! : 1);
  return { value, percent, currency };
}

/** A date cell: `2026-09-07`, optionally followed by a midnight time as warehouses print it. */
function cellDate(raw: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2})(?:[T ]00:00(?::00(?:\.0+)?)?(?:Z|[+-]00(?::?00)?)?)?$/.exec(raw.trim());
  return m && isIsoDate(m[1]!) ? m[1] : undefined;
}

/** Line and column (1-based) of every offset, from the line starts. */
function locator(text: string): (offset: number) => { line: number; column: number } {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/** Splits CSV text (RFC 4180: quoted fields, doubled quotes, CRLF or LF) into rows of cells. */
function csvTable(text: string, problems: ReadingsProblem[]): Table | null {
  const at = locator(text);
  const rows: Array<{ line: number; column: number; cells: Cell[] }> = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const start = at(i);
    const cells: Cell[] = [];
    for (;;) {
      const pos = at(i);
      let value = "";
      if (text[i] === '"') {
        let j = i + 1;
        let closed = false;
        while (j < n) {
          if (text[j] === '"') {
            if (text[j + 1] === '"') {
              value += '"';
              j += 2;
              continue;
            }
            closed = true;
            j++;
            break;
          }
          value += text[j];
          j++;
        }
        if (!closed) {
          problems.push({ ...pos, message: 'a quoted field has no closing `"`; close the quote, or double a quote inside the field (`""`)' });
          return null;
        }
        i = j;
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
      } else {
        const j = i;
        while (i < n && text[i] !== "," && text[i] !== "\n" && text[i] !== "\r") i++;
        value = text.slice(j, i);
      }
      cells.push({ text: value, ...pos });
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "\r") i++;
      if (text[i] === "\n") i++;
      break;
    }
    // A blank line (one empty cell) is no row.
    if (!(cells.length === 1 && cells[0]!.text!.trim() === "")) rows.push({ ...start, cells });
  }
  const [head, ...body] = rows;
  if (!head) {
    problems.push({
      line: null,
      column: null,
      message: "the readings are empty; write a header row (`metric_time__week,METRIC,…`) and one row per period, as `mf query --csv` does",
    });
    return null;
  }
  const width = head.cells.length;
  const out: Table["rows"][number][] = [];
  for (const r of body) {
    if (r.cells.length !== width) {
      problems.push({
        line: r.line,
        column: r.column,
        message: `this row has ${r.cells.length} ${r.cells.length === 1 ? "field" : "fields"} and the header ${width}; give every row one field per column (an empty field for no reading)`,
      });
      continue;
    }
    out.push({ line: r.line, column: r.column, cells: new Map(r.cells.map((c, k) => [k, c])) });
  }
  return { header: head.cells, rows: out };
}

/**
 * Reads the JSON form: an array of flat objects whose keys are the CSV's
 * columns (`[{"metric_time__week": "2026-09-07", "trial_conversion": 12.4}]`),
 * values numbers, numeric strings or null. A scanner for exactly that shape
 * (no recursion), so every problem has its line and column.
 */
function jsonTable(text: string, problems: ReadingsProblem[]): Table | null {
  const at = locator(text);
  let i = 0;
  const fail = (message: string, offset = i): null => {
    problems.push({ ...(offset >= text.length ? at(Math.max(0, text.length - 1)) : at(offset)), message });
    return null;
  };
  const ws = (): void => {
    while (i < text.length && " \t\r\n".includes(text[i]!)) i++;
  };
  const str = (): string | null => {
    const start = i;
    let j = i + 1;
    let raw = "";
    while (j < text.length && text[j] !== '"') {
      if (text[j] === "\\") j++;
      else if (text.charCodeAt(j) < 0x20) return fail('a string has a raw control character; escape it, or close the string with `"`', j);
      j++;
    }
    if (j >= text.length) return fail('a string has no closing `"`', start);
    raw = text.slice(start, j + 1);
    i = j + 1;
    try {
      return JSON.parse(raw) as string;
    } catch {
      return fail('a string has an invalid escape; write `\\"`, `\\\\`, `\\n` or `\\uXXXX`', start);
    }
  };
  const names = new Map<string, number>();
  const header: Cell[] = [];
  const rows: Table["rows"][number][] = [];
  ws();
  if (i >= text.length) return fail('the readings are empty; write an array of rows: `[{"metric_time__week": "2026-09-07", "METRIC": 12.4}]`', 0);
  if (text[i] !== "[") return fail('the readings must be a JSON array of rows (`[{"metric_time__week": "2026-09-07", "METRIC": 12.4}, …]`)');
  i++;
  ws();
  if (text[i] === "]") i++;
  else {
    for (;;) {
      ws();
      const rowPos = at(i);
      if (text[i] !== "{") return fail('each row must be an object of column → value (`{"metric_time__week": "2026-09-07", "METRIC": 12.4}`)');
      i++;
      const cells = new Map<number, Cell>();
      ws();
      if (text[i] === "}") i++;
      else {
        for (;;) {
          ws();
          if (text[i] !== '"') return fail("expected a column name in double quotes");
          const keyPos = at(i);
          const key = str();
          if (key === null) return null;
          ws();
          if (text[i] !== ":") return fail("expected `:` after the column name");
          i++;
          ws();
          const pos = at(i);
          let cell: Cell;
          if (text[i] === '"') {
            const s = str();
            if (s === null) return null;
            cell = { text: s, ...pos };
          } else if (text.startsWith("null", i)) {
            i += 4;
            cell = { text: null, ...pos };
          } else {
            const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
            if (!m) return fail(`the value of \`${key}\` must be a number, a string or null`);
            i += m[0].length;
            cell = { text: m[0], number: Number(m[0]), ...pos };
          }
          let k = names.get(key);
          if (k === undefined) {
            k = header.length;
            names.set(key, k);
            header.push({ text: key, ...keyPos });
          }
          if (cells.has(k)) problems.push({ ...keyPos, message: `this row gives \`${key}\` twice; keep one value` });
          else cells.set(k, cell);
          ws();
          if (text[i] === ",") {
            i++;
            continue;
          }
          if (text[i] === "}") {
            i++;
            break;
          }
          return fail("expected `,` or `}` after a value");
        }
      }
      rows.push({ ...rowPos, cells });
      ws();
      if (text[i] === ",") {
        i++;
        continue;
      }
      if (text[i] === "]") {
        i++;
        break;
      }
      return fail("expected `,` or `]` after a row");
    }
  }
  ws();
  if (i < text.length) return fail("unexpected text after the array of rows");
  if (header.length === 0) return fail("the readings have no rows; write one object per period", 0);
  return { header, rows };
}

/** The value in the metric's unit, or the message why the cell contradicts the metric. */
function checkUnit(v: CellValue, cell: string, metric: ReadingsMetric, currency: string): string | null {
  const unit = metric.unit;
  if (v.percent && unit !== "percent")
    return `\`${cell}\` is a percentage but metric \`${metric.id}\` is measured in ${unit ?? "plain numbers"}; write the reading in the metric's unit, or correct the metric's \`unit\``;
  if (v.currency !== null && unit !== "currency")
    return `\`${cell}\` is an amount of money but metric \`${metric.id}\` is measured in ${unit ?? "plain numbers"}; write the reading in the metric's unit, or correct the metric's \`unit\``;
  if (v.currency !== null && v.currency !== currency) return `\`${cell}\` is in ${v.currency} but the blueprint's currency is ${currency}; convert the reading to ${currency}`;
  if (unit === "count" && v.value < 0) return `\`${cell}\` is negative but metric \`${metric.id}\` is a count; a count cannot be below 0 — check the query`;
  return null;
}

/**
 * Parses warehouse readings: CSV as `mf query --csv` writes it (a
 * `metric_time__day|week|month|quarter` column and one column per metric,
 * named by the metric's exported dbt name) or the same rows as JSON. Every
 * problem — unknown metrics, non-numeric cells, duplicate dates, units that
 * contradict the metric, malformed text — is reported with its line and
 * column; the cells that are fine are kept.
 */
export function parseReadings(text: string, options: ReadingsOptions): Readings {
  const problems: ReadingsProblem[] = [];
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const table = options.format === "csv" ? csvTable(body, problems) : jsonTable(body, problems);
  const series = new Map<string, ReadingPoint[]>();
  if (!table) return { grain: null, series, problems };
  let timeColumn: number | undefined;
  let grain: ReadingsGrain | null = null;
  const columns = new Map<number, ReadingsMetric>();
  const seenMetric = new Map<string, Cell>();
  const names = [...options.names];
  table.header.forEach((cell, k) => {
    const name = (cell.text ?? "").trim();
    const time = /^metric_time(?:__(\w+))?$/.exec(name);
    if (time) {
      const g = time[1] as ReadingsGrain | undefined;
      if (g === undefined || !GRAINS.includes(g)) {
        problems.push({
          line: cell.line,
          column: cell.column,
          message: `\`${name}\` has no grain this report reads; use \`metric_time__day\`, \`__week\`, \`__month\` or \`__quarter\` (\`mf query --group-by metric_time__week\`)`,
        });
      } else if (timeColumn !== undefined) {
        problems.push({ line: cell.line, column: cell.column, message: `\`${name}\` is a second time column; query one grain at a time (one \`--group-by metric_time__GRAIN\`)` });
      } else {
        timeColumn = k;
        grain = g;
      }
      return;
    }
    if (name === "") {
      problems.push({ line: cell.line, column: cell.column, message: "a column has no name; name every column by the metric's id, as `mf query` does" });
      return;
    }
    const metric = options.metric(name);
    if (!metric) {
      const hint = closest(name, names);
      const fix = hint ? `did you mean \`${hint}\`?` : "name the column by the metric's exported dbt name (its id), or leave it out of the query";
      problems.push({ line: cell.line, column: cell.column, message: `column \`${name}\` names no metric of the workspace; ${fix}` });
      return;
    }
    const first = seenMetric.get(metric.id);
    if (first) {
      problems.push({
        line: cell.line,
        column: cell.column,
        message: `metric \`${metric.id}\` has a second column (the first is at ${first.line}:${first.column}); keep one column per metric`,
      });
      return;
    }
    seenMetric.set(metric.id, cell);
    columns.set(k, metric);
  });
  if (timeColumn === undefined) {
    if (!problems.some((p) => p.message.includes("grain this report reads"))) {
      problems.push({
        line: table.header[0]?.line ?? null,
        column: table.header[0]?.column ?? null,
        message:
          "the readings have no time column; group the query by time (`mf query --metrics … --group-by metric_time__week --csv FILE`) so the first column is `metric_time__week`",
      });
    }
    return { grain: null, series, problems };
  }
  const dates = new Map<string, number>();
  const rows: Array<{ date: string; cells: ReadonlyMap<number, Cell> }> = [];
  for (const row of table.rows) {
    const cell = row.cells.get(timeColumn);
    const raw = cell?.number !== undefined ? undefined : (cell?.text ?? "").trim();
    const date = raw === undefined ? undefined : cellDate(raw);
    if (date === undefined) {
      const where = cell ?? row;
      problems.push({
        line: where.line,
        column: where.column,
        message:
          raw === "" || raw === undefined
            ? cell?.number !== undefined
              ? `\`${cell.text}\` is not a date; write the period's first day as YYYY-MM-DD`
              : "this row has no date; give every row its period's first day as YYYY-MM-DD"
            : `\`${raw}\` is not a date; write the period's first day as YYYY-MM-DD`,
      });
      continue;
    }
    const firstLine = dates.get(date);
    if (firstLine !== undefined) {
      problems.push({ line: cell!.line, column: cell!.column, message: `${date} appears twice (first on line ${firstLine}); keep one row per period` });
      continue;
    }
    dates.set(date, cell!.line);
    rows.push({ date, cells: row.cells });
  }
  rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  for (const [k, metric] of columns) {
    const points: ReadingPoint[] = [];
    const fractions: Cell[] = [];
    for (const row of rows) {
      const cell = row.cells.get(k);
      if (!cell || cell.text === null || (cell.number === undefined && cell.text.trim() === "")) continue;
      const v: CellValue | undefined = cell.number !== undefined ? { value: cell.number, percent: false, currency: null } : cellValue(cell.text);
      if (v === undefined) {
        problems.push({
          line: cell.line,
          column: cell.column,
          message: `\`${cell.text.trim()}\` in column \`${metric.id}\` is not a number; write a number such as 12.4 (or leave the cell empty for no reading)`,
        });
        continue;
      }
      if (!Number.isFinite(v.value)) {
        problems.push({ line: cell.line, column: cell.column, message: `\`${cell.text.trim()}\` in column \`${metric.id}\` is out of range; write a finite number` });
        continue;
      }
      const contradiction = checkUnit(v, cell.text.trim(), metric, options.currency);
      if (contradiction !== null) {
        problems.push({ line: cell.line, column: cell.column, message: contradiction });
        continue;
      }
      if (metric.unit === "percent" && !v.percent && Math.abs(v.value) <= 1) fractions.push(cell);
      points.push({ date: row.date, value: v.value });
    }
    // A percentage metric whose every reading is a fraction (0.29) while its baseline is 29%: the query returned ratios.
    if (metric.unit === "percent" && fractions.length > 0 && fractions.length === points.length && metric.baseline !== null && Math.abs(metric.baseline) > 1) {
      const c = fractions[0]!;
      problems.push({
        line: c.line,
        column: c.column,
        message: `every reading of \`${metric.id}\` is between -1 and 1, but the metric is a percentage with baseline ${metric.baseline}%; the query returned fractions — write percentages as shown (29 for 29%), or add \`%\` to each cell`,
      });
      continue;
    }
    series.set(metric.id, points);
  }
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  return { grain, series, problems };
}

/**
 * Parses readings for a workspace: a column names a metric by its exported
 * dbt name (`dbtName`, the id for a snake_case id) or by its id.
 */
export function parseWorkspaceReadings(program: Program, text: string, format: ReadingsOptions["format"]): Readings {
  const byName = new Map<string, ReadingsMetric>();
  for (const m of program.metrics.values()) {
    const base = numericValue(asLiteral(phraseOf(m.prop("baseline"))?.expr));
    const info: ReadingsMetric = { id: m.id, unit: m.word("unit") ?? null, baseline: base ?? null };
    byName.set(m.id, info);
    if (!byName.has(dbtName(m.id))) byName.set(dbtName(m.id), info);
  }
  return parseReadings(text, { format, metric: (c) => byName.get(c), names: byName.keys(), currency: blueprintCurrency(program) });
}
