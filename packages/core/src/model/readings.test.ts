// Warehouse readings: CSV as `mf query --csv` writes it and the same rows as JSON, and every bad input as a
// problem with its line and column (never a throw).
import { describe, expect, it } from "vitest";
import { checkWorkspace } from "../index.js";
import { parseWorkspaceReadings, type Readings } from "./readings.js";

const WS = `
blueprint b "B" { maturity: 3  sales_cycle: 40d  north_star: wau }
team t "T" { role: pmm }
metric wau "WAU" { type: output  dimension: engagement  unit: count  owner: t  baseline: 100  inputs: [adoption] }
metric adoption "Adoption" { type: input  unit: percent  owner: t  levers: ["l"]  baseline: 34% }
metric arr "ARR" { type: output  dimension: monetization  unit: currency  owner: t }
metric ttv "Time to value" { type: input  unit: duration  owner: t  levers: ["l"] }
metric mixedCase "Mixed" { type: input  unit: count  owner: t  levers: ["l"] }
`;
const { program } = checkWorkspace([{ path: "a.pmm", contents: WS }], { today: "2026-11-23" });

function csv(text: string): Readings {
  return parseWorkspaceReadings(program, text, "csv");
}
function json(text: string): Readings {
  return parseWorkspaceReadings(program, text, "json");
}
function problems(r: Readings): string[] {
  return r.problems.map((p) => `${p.line ?? "-"}:${p.column ?? "-"} ${p.message}`);
}
function series(r: Readings): Record<string, unknown> {
  return Object.fromEntries([...r.series].map(([k, v]) => [k, v.map((p) => `${p.date}=${p.value}`)]));
}

describe("parseReadings: good input", () => {
  it("reads mf query CSV: a BOM, CRLF, midnight timestamps, quoted fields, empty cells, rows out of order, dbt names", () => {
    const r = csv('\ufeffmetric_time__week,wau,"adoption",arr,mixed_case\r\n2026-09-07T00:00:00,120,35.5,"38,500,000",3\r\n2026-08-31 00:00:00,110,,$38.1M,2\r\n\r\n');
    expect(problems(r)).toEqual([]);
    expect(r.grain).toBe("week");
    expect(series(r)).toEqual({
      wau: ["2026-08-31=110", "2026-09-07=120"],
      adoption: ["2026-09-07=35.5"],
      arr: ["2026-08-31=38100000", "2026-09-07=38500000"],
      mixedCase: ["2026-08-31=2", "2026-09-07=3"],
    });
  });

  it("reads the same rows as JSON: numbers, numeric strings, null", () => {
    const r = json('[\n {"metric_time__week": "2026-09-07", "wau": 120, "adoption": "35.5%", "arr": null},\n {"metric_time__week": "2026-08-31", "wau": 110}\n]');
    expect(problems(r)).toEqual([]);
    expect(series(r)).toEqual({ wau: ["2026-08-31=110", "2026-09-07=120"], adoption: ["2026-09-07=35.5"], arr: [] });
  });
});

describe("parseReadings: every bad input is a problem with its place", () => {
  it("an unknown metric column, with did-you-mean", () => {
    expect(problems(csv("metric_time__week,wua,churn\n2026-09-07,1,2\n"))).toEqual([
      "1:19 column `wua` names no metric of the workspace; did you mean `wau`?",
      "1:23 column `churn` names no metric of the workspace; name the column by the metric's exported dbt name (its id), or leave it out of the query",
    ]);
  });

  it("non-numeric and out-of-range cells", () => {
    expect(problems(csv("metric_time__week,wau\n2026-09-07,lots\n2026-09-14,1e999\n2026-09-21,NaN\n"))).toEqual([
      "2:12 `lots` in column `wau` is not a number; write a number such as 12.4 (or leave the cell empty for no reading)",
      "3:12 `1e999` in column `wau` is out of range; write a finite number",
      "4:12 `NaN` in column `wau` is not a number; write a number such as 12.4 (or leave the cell empty for no reading)",
    ]);
  });

  it("duplicate dates (also when written as timestamps), bad and missing dates", () => {
    expect(problems(csv("metric_time__week,wau\n2026-09-07,1\n2026-09-07T00:00:00,2\n2026-02-30,3\n,4\n"))).toEqual([
      "3:1 2026-09-07 appears twice (first on line 2); keep one row per period",
      "4:1 `2026-02-30` is not a date; write the period's first day as YYYY-MM-DD",
      "5:1 this row has no date; give every row its period's first day as YYYY-MM-DD",
    ]);
  });

  it("units that contradict the metric", () => {
    expect(problems(csv("metric_time__week,wau,arr,adoption\n2026-09-07,12%,€5M,$3\n2026-09-14,-4,1.2M EUR,34\n"))).toEqual([
      "2:12 `12%` is a percentage but metric `wau` is measured in count; write the reading in the metric's unit, or correct the metric's `unit`",
      "2:16 `€5M` is in EUR but the blueprint's currency is USD; convert the reading to USD",
      "2:20 `$3` is an amount of money but metric `adoption` is measured in percent; write the reading in the metric's unit, or correct the metric's `unit`",
      "3:12 `-4` is negative but metric `wau` is a count; a count cannot be below 0 — check the query",
      "3:15 `1.2M EUR` is in EUR but the blueprint's currency is USD; convert the reading to USD",
    ]);
  });

  it("a percentage metric read as fractions", () => {
    const r = csv("metric_time__week,adoption\n2026-09-07,0.34\n2026-09-14,0.36\n");
    expect(problems(r)).toEqual([
      "2:12 every reading of `adoption` is between -1 and 1, but the metric is a percentage with baseline 34%; the query returned fractions — write percentages as shown (29 for 29%), or add `%` to each cell",
    ]);
    expect(r.series.has("adoption")).toBe(false);
  });

  it("the header: no time column, an unknown grain, two time columns, an empty name, a metric twice", () => {
    expect(problems(csv("wau\n1\n"))).toEqual([
      "1:1 the readings have no time column; group the query by time (`mf query --metrics … --group-by metric_time__week --csv FILE`) so the first column is `metric_time__week`",
    ]);
    expect(problems(csv("metric_time__year,wau\n2026-01-01,1\n"))).toEqual([
      "1:1 `metric_time__year` has no grain this report reads; use `metric_time__day`, `__week`, `__month` or `__quarter` (`mf query --group-by metric_time__week`)",
    ]);
    expect(problems(csv("metric_time__week,metric_time__month,,wau,wau\n2026-09-07,2026-09-01,,1,2\n"))).toEqual([
      "1:19 `metric_time__month` is a second time column; query one grain at a time (one `--group-by metric_time__GRAIN`)",
      "1:38 a column has no name; name every column by the metric's id, as `mf query` does",
      "1:43 metric `wau` has a second column (the first is at 1:39); keep one column per metric",
    ]);
  });

  it("malformed CSV: ragged rows, an unclosed quote, an empty file", () => {
    expect(problems(csv("metric_time__week,wau\n2026-09-07,1,2\n2026-09-14\n2026-09-21,3\n"))).toEqual([
      "2:1 this row has 3 fields and the header 2; give every row one field per column (an empty field for no reading)",
      "3:1 this row has 1 field and the header 2; give every row one field per column (an empty field for no reading)",
    ]);
    expect(problems(csv('metric_time__week,wau\n2026-09-07,"1\n'))).toEqual(['2:12 a quoted field has no closing `"`; close the quote, or double a quote inside the field (`""`)']);
    expect(problems(csv("\n\n"))).toEqual(["-:- the readings are empty; write a header row (`metric_time__week,METRIC,…`) and one row per period, as `mf query --csv` does"]);
  });

  it("malformed JSON: not an array, a bad row, a bad value, a repeated key, trailing text, an unclosed string", () => {
    expect(problems(json('{"wau": 1}'))).toEqual(['1:1 the readings must be a JSON array of rows (`[{"metric_time__week": "2026-09-07", "METRIC": 12.4}, …]`)']);
    expect(problems(json("[1]"))).toEqual(['1:2 each row must be an object of column → value (`{"metric_time__week": "2026-09-07", "METRIC": 12.4}`)']);
    expect(problems(json('[{"metric_time__week": "2026-09-07", "wau": true}]'))).toEqual(["1:45 the value of `wau` must be a number, a string or null"]);
    expect(problems(json('[{"metric_time__week": "2026-09-07", "wau": 1, "wau": 2}]'))).toEqual(["1:48 this row gives `wau` twice; keep one value"]);
    expect(problems(json('[{"metric_time__week": "2026-09-07"}] x'))).toEqual(["1:39 unexpected text after the array of rows"]);
    expect(problems(json('[{"metric_time__week'))).toEqual(['1:3 a string has no closing `"`']);
    expect(problems(json(""))).toEqual(['1:1 the readings are empty; write an array of rows: `[{"metric_time__week": "2026-09-07", "METRIC": 12.4}]`']);
    expect(problems(json('[{"metric_time__week": 20260907, "wau": 1}]'))).toEqual(["1:24 `20260907` is not a date; write the period's first day as YYYY-MM-DD"]);
  });

  it("never throws on random bytes", () => {
    let seed = 3;
    const rnd = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const alphabet = 'metric_time__week,wau0123456789-.:"\n\r{}[] %$€';
    for (let i = 0; i < 300; i++) {
      const text = Array.from({ length: Math.floor(rnd() * 80) }, () => alphabet[Math.floor(rnd() * alphabet.length)]).join("");
      expect(() => csv(text)).not.toThrow();
      expect(() => json(text)).not.toThrow();
    }
  });
});
