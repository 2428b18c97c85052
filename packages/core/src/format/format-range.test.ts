import { describe, expect, it } from "vitest";
import { format } from "./format.js";
import { formatRange, type RangeEdit } from "./format-range.js";

function apply(text: string, edits: readonly RangeEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.span.start - a.span.start)) out = out.slice(0, e.span.start) + e.newText + out.slice(e.span.end);
  return out;
}

const TEXT = "team a {role:pmm}\nteam  b {role:pmm}\nmetric m {\n    type:input\n}\nteam c {role:pmm}\n";

describe("formatRange", () => {
  it("formats only the declaration the range touches, with one minimal edit", () => {
    const start = TEXT.indexOf("team  b");
    const r = formatRange(TEXT, start + 2, start + 3);
    expect(r).toEqual({ edits: [{ span: { start: start + 5, end: start + 17 }, newText: "b { role: pmm " }] });
    expect(apply(TEXT, "edits" in r ? r.edits : [])).toBe("team a {role:pmm}\nteam b { role: pmm }\nmetric m {\n    type:input\n}\nteam c {role:pmm}\n");
  });

  it("grows the range to whole declarations and gives the formatted text for them", () => {
    const s = TEXT.indexOf("type");
    const r = formatRange(TEXT, s, s + 1);
    expect("edits" in r).toBe(true);
    const out = apply(TEXT, "edits" in r ? r.edits : []);
    expect(out).toBe("team a {role:pmm}\nteam  b {role:pmm}\nmetric m {\n  type: input\n}\nteam c {role:pmm}\n");
  });

  it("formats everything when the range covers the whole text", () => {
    const r = formatRange(TEXT, 0, TEXT.length);
    const whole = format(TEXT);
    expect("text" in whole && apply(TEXT, "edits" in r ? r.edits : [])).toBe(
      "team a { role: pmm }\nteam b { role: pmm }\n\nmetric m {\n  type: input\n}\n\nteam c { role: pmm }\n",
    );
  });

  it("gives no edit for a formatted text", () => {
    expect(formatRange("team a { role: pmm }\n", 0, 5)).toEqual({ edits: [] });
  });

  it("gives the syntax errors for a broken text", () => {
    expect(formatRange("team a {", 0, 3)).toEqual({ errors: [{ span: { start: 7, end: 8 }, message: expect.any(String) }] });
  });
});
