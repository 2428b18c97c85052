import { describe, expect, it } from "vitest";
import { parse } from "../syntax/parse.js";
import { experimentSampleSize } from "./experiment.js";

function size(body: string) {
  const { ast, errors } = parse(`experiment e "E" { metric: m  ${body} }`);
  expect(errors).toEqual([]);
  return experimentSampleSize(ast.declarations[0]!);
}

describe("experimentSampleSize", () => {
  it("reads proportions from `expect`", () => {
    expect(size("baseline: 5%  expect: 5.5%  traffic: 800/day")).toEqual({ kind: "proportions", n: 31_231, arms: 2, perDay: 800, days: 79, alpha: 0.05, power: 0.8 });
  });

  it("reads `mde` as percentage points (absolute) or percent (relative)", () => {
    expect(size("baseline: 4%  mde: 1pp  traffic: 800/day")?.n).toBe(6_743);
    expect(size("baseline: 4%  mde: 25%  traffic: 800/day")?.n).toBe(6_743);
    expect(size("baseline: 1.29%  mde: 5%  traffic: 1000/day")?.n).toBe(492_321);
  });

  it("uses the formula for means when `sd` is given", () => {
    expect(size("baseline: 120  expect: 125  sd: 50  traffic: 100/day")).toMatchObject({ kind: "means", n: 1_570, days: 32 });
    expect(size("baseline: 120  mde: 5  sd: 50  traffic: 100/day")?.n).toBe(1_570);
  });

  it("takes arms, alpha, power and traffic per week or month", () => {
    expect(size("baseline: 4%  expect: 5%  traffic: 7_000/week  arms: 3")).toMatchObject({ n: 6_743, arms: 3, perDay: 1_000, days: 21 });
    expect(size("baseline: 4%  expect: 5%  traffic: 800/day  alpha: 1%  power: 0.9")).toMatchObject({ n: 12_782, alpha: 0.01, power: 0.9 });
  });

  it("gives null when the values cannot be read", () => {
    expect(size("baseline: 4%  expect: 4%  traffic: 800/day")).toBeNull();
    expect(size("baseline: 4%  expect: 5%")).toBeNull();
    expect(size("baseline: 40  expect: 50  traffic: 800/day")).toBeNull();
    expect(size("baseline: 120  expect: 125  sd: 0  traffic: 100/day")).toBeNull();
  });
});
