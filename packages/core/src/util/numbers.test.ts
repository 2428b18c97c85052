import { describe, expect, it } from "vitest";
import { formatCount, formatNumber } from "./numbers.js";

describe("formatNumber", () => {
  it("groups thousands and drops float noise", () => {
    expect(formatNumber(31231)).toBe("31,231");
    expect(formatNumber(0.8500000001)).toBe("0.85");
    expect(formatNumber(-1200.5)).toBe("-1,200.5");
    expect(formatNumber(999_999_999_999_999)).toBe("999,999,999,999,999");
    expect(formatNumber(0)).toBe("0");
    expect(formatNumber(-0)).toBe("0");
    expect(formatNumber(2.5, 0)).toBe("3");
    expect(formatNumber(0.123456, 2)).toBe("0.12");
  });

  it("writes huge and tiny numbers in e-notation", () => {
    // was `3.93,072,083,214,491e+30` in the sample-size message
    expect(formatNumber(3.93072083214491e30)).toBe("3.93e30");
    expect(formatCount(3.93072083214491e30)).toBe("3.93e30");
    expect(formatNumber(1e15)).toBe("1e15");
    expect(formatNumber(-2.5e20)).toBe("-2.5e20");
    expect(formatNumber(Number.MAX_VALUE)).toBe("1.8e308");
    expect(formatNumber(1.23e-7)).toBe("1.23e-7");
    expect(formatNumber(-0.0004)).toBe("-4e-4");
    expect(formatNumber(0.0004, 4)).toBe("0.0004");
    expect(formatCount(0.3)).toBe("0");
  });

  it("never prints Infinity", () => {
    // was `Infinity-day sales cycle`
    expect(formatNumber(Infinity)).toBe("∞");
    expect(formatNumber(-Infinity)).toBe("-∞");
    expect(formatCount(Infinity)).toBe("∞");
    expect(formatNumber(NaN)).toBe("NaN");
  });
});
