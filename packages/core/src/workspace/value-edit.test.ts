import { describe, expect, it } from "vitest";
import { parse } from "../syntax/parse.js";
import { patchInPlace, valueEdit } from "./value-edit.js";

const BEFORE = `metric mqls "Marketing-qualified leads" {
  owner: demand
  target: 1_200 by 2026-Q4
  definition: "Leads that meet the scoring bar"
}
`;

function edit(before: string, after: string) {
  return valueEdit(parse(before).ast, parse(after).ast);
}

describe("valueEdit", () => {
  it("names the properties whose literals changed", () => {
    const e = edit(BEFORE, BEFORE.replace("1_200", "1_500").replace("scoring bar", "new bar"));
    expect(e && [...e.changed].sort()).toEqual(["definition", "target"]);
  });

  it("counts a literal inside a modifier for its property", () => {
    expect(edit(BEFORE, BEFORE.replace("2026-Q4", "2027-Q1"))?.changed).toEqual(new Set(["target"]));
  });

  it("accepts blank space as an edit that changes nothing but offsets", () => {
    const e = edit(BEFORE, BEFORE.replace("  target", "\n\n    target"));
    expect(e?.changed).toEqual(new Set());
    const at = BEFORE.indexOf("target");
    expect(e!.map(at)).toBe(at + 4);
    expect(e!.map(3)).toBe(3);
  });

  it("maps offsets after a literal that grew", () => {
    const e = edit(BEFORE, BEFORE.replace("1_200", "12_000"))!;
    const def = BEFORE.indexOf("definition");
    expect(e.map(def)).toBe(def + 1);
    expect(e.map(BEFORE.indexOf("owner"))).toBe(BEFORE.indexOf("owner"));
  });

  it("counts a title as the pseudo-property #title", () => {
    expect(edit(BEFORE, BEFORE.replace("Marketing-qualified", "Sales-qualified"))?.changed).toEqual(new Set(["#title"]));
  });

  it("refuses edits to names, references, kinds of literal and comments", () => {
    expect(edit(BEFORE, BEFORE.replace("owner: demand", "owner: demandx"))).toBeNull();
    expect(edit(BEFORE, BEFORE.replace("target:", "targets:"))).toBeNull();
    expect(edit(BEFORE, BEFORE.replace(' "Marketing-qualified leads"', ""))).toBeNull();
    expect(edit(BEFORE, BEFORE.replace("1_200", "$1_200"))).toBeNull();
    expect(edit(BEFORE, BEFORE.replace("  owner", "  # note\n  owner"))).toBeNull();
    expect(edit(BEFORE, BEFORE.replace("  owner: demand\n", ""))).toBeNull();
  });

  it("patches the old tree in place to equal the new one", () => {
    const before = parse(BEFORE).ast;
    const keep = before.declarations[0]!;
    const after = parse(BEFORE.replace("1_200", "9_999_999")).ast;
    expect(valueEdit(before, after)).not.toBeNull();
    patchInPlace(before, after);
    expect(before).toEqual(after);
    expect(before.declarations[0]).toBe(keep);
  });
});
