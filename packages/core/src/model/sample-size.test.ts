import { describe, expect, it } from "vitest";
import { daysToSample, normalQuantile, sampleSizeMeans, sampleSizeProportions } from "./sample-size.js";

describe("sample size (docs/rules/experiment-sample-size.md; alpha 0.05, power 0.8)", () => {
  it("5% -> 5.5% needs 31,231 per arm", () => {
    expect(sampleSizeProportions(0.05, 0.055)).toBe(31_231);
  });

  it("4% -> 5% needs 6,743 per arm", () => {
    expect(sampleSizeProportions(0.04, 0.05)).toBe(6_743);
  });

  it("1.29% -> 1.3545% needs 492,321 per arm", () => {
    expect(sampleSizeProportions(0.0129, 0.013545)).toBe(492_321);
  });

  it("means with sigma 50 and delta 5 need 1,570 per arm", () => {
    expect(sampleSizeMeans(50, 5)).toBe(1_570);
  });

  it("uses exact quantiles, not 1.96 and 0.84", () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 14);
    expect(normalQuantile(0.8)).toBeCloseTo(0.8416212335729143, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 10);
    // The rounded constants give a different n for the first fixture.
    const rounded = Math.ceil(((1.96 + 0.84) ** 2 * (0.05 * 0.95 + 0.055 * 0.945)) / 0.005 ** 2);
    expect(rounded).not.toBe(31_231);
  });

  it("takes alpha and power", () => {
    expect(sampleSizeProportions(0.04, 0.05, 0.01, 0.9)).toBe(12_782);
  });

  it("counts days over every arm, rounded up", () => {
    expect(daysToSample(31_231, 2, 800)).toBe(79);
    expect(daysToSample(2_033, 2, 136)).toBe(30);
    expect(daysToSample(100, 3, 300)).toBe(1);
  });
});
