// Formatter fixtures: fixtures/format/<name>/input.pmm must format to
// expected.pmm, and expected.pmm must be stable. UPDATE=1 rewrites expected.pmm.
import { readdirSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { format, type Formatted, type FormatFailure } from "./format.js";

const ROOT = new URL("../../fixtures/format/", import.meta.url).pathname;

function ok(r: Formatted | FormatFailure): Formatted {
  if ("errors" in r) throw new Error(`unexpected errors: ${JSON.stringify(r.errors)}`);
  return r;
}

function fmt(text: string): string {
  return ok(format(text)).text;
}

describe("format fixtures", () => {
  for (const name of readdirSync(ROOT).sort()) {
    it(name, () => {
      const input = readFileSync(join(ROOT, name, "input.pmm"), "utf8");
      const expectedPath = join(ROOT, name, "expected.pmm");
      const out = fmt(input);
      if (process.env["UPDATE"] === "1" || !existsSync(expectedPath)) writeFileSync(expectedPath, out);
      expect(out).toBe(readFileSync(expectedPath, "utf8"));
      expect(ok(format(out)).changed).toBe(false);
    });
  }
});

describe("format", () => {
  it("keeps a short one-line block on one line", () => {
    const r = ok(format('team pmm "PMM" { role: pmm }\n'));
    expect(r).toEqual({ text: 'team pmm "PMM" { role: pmm }\n', changed: false });
  });

  it("normalises spacing inside a one-line block, two spaces between members", () => {
    expect(fmt('source s "S"{kind:crm refresh : daily}')).toBe('source s "S" { kind: crm  refresh: daily }\n');
  });

  it("puts one property per line in a block written over several lines", () => {
    expect(fmt("team pmm {\n role: pmm  other: x }\n")).toBe("team pmm {\n  role: pmm\n  other: x\n}\n");
  });

  it("breaks a one-line block that does not fit in 100 columns", () => {
    const long = `report r "R" { forum: mbr  lead: 48h  metrics: [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, eeeeeeeeee] }\n`;
    expect(fmt(long)).toBe(`report r "R" {\n  forum: mbr\n  lead: 48h\n  metrics: [aaaaaaaaaa, bbbbbbbbbb, cccccccccc, dddddddddd, eeeeeeeeee]\n}\n`);
  });

  it("keeps a block of exactly 100 columns on one line and breaks one of 101", () => {
    const at = (n: number): string => `team t "${"x".repeat(n)}" { role: pmm }`;
    const base = at(0).length;
    expect(fmt(`${at(100 - base)}\n`)).toBe(`${at(100 - base)}\n`);
    expect(fmt(`${at(101 - base)}\n`)).toBe(`team t "${"x".repeat(101 - base)}" {\n  role: pmm\n}\n`);
  });

  it("honours lineWidth", () => {
    expect(ok(format('team pmm "PMM" { role: pmm }\n', { lineWidth: 20 })).text).toBe('team pmm "PMM" {\n  role: pmm\n}\n');
  });

  it("spaces binary operators, not unary minus, parentheses or qualified names", () => {
    expect(fmt("metric m from  std . win_rate { formula: (a+b)*-c/ ( d - -e ) }")).toBe("metric m from std.win_rate { formula: (a + b) * -c / (d - -e) }\n");
  });

  it("writes strings and numbers exactly as the user wrote them", () => {
    const text = 'metric m { a: 1_200  b: 3.50k  c: "\\u{20AC} \\"q\\""  d: 0.5%  e: $1.5k }\n';
    expect(fmt(text)).toBe(text);
  });

  it("keeps CRLF line ends", () => {
    expect(fmt("team a {\r\n  role: pmm\r\n}\r\n\r\n\r\nteam b { role: x }")).toBe("team a {\r\n  role: pmm\r\n}\r\n\r\nteam b { role: x }\r\n");
  });

  it("adds the final newline and removes leading and trailing blank lines", () => {
    expect(fmt("\n\n\nteam a { role: pmm }\n\n\n")).toBe("team a { role: pmm }\n");
    expect(fmt("team a { role: pmm }")).toBe("team a { role: pmm }\n");
  });

  it("returns an empty text for an empty file", () => {
    expect(ok(format(""))).toEqual({ text: "", changed: false });
    expect(ok(format("\n \n"))).toEqual({ text: "", changed: true });
  });

  it("keeps a leading BOM", () => {
    expect(fmt("\ufeffteam a {role:pmm}")).toBe("\ufeffteam a { role: pmm }\n");
  });

  it("sets multi-line declarations apart with one blank line; one-line ones keep the user's grouping", () => {
    expect(fmt("team a { role: pmm }\nteam b { role: pmm }\nmetric m {\n type: input\n}\nteam c { role: pmm }\n")).toBe(
      "team a { role: pmm }\nteam b { role: pmm }\n\nmetric m {\n  type: input\n}\n\nteam c { role: pmm }\n",
    );
  });

  it("keeps doc and pmm-ignore comments directly above their declaration", () => {
    const text = "team a { role: pmm }\n## Doc.\n# pmm-ignore unused-declaration: why\nmetric m {\n  type: input\n}\n";
    expect(fmt(text)).toBe("team a { role: pmm }\n\n## Doc.\n# pmm-ignore unused-declaration: why\nmetric m {\n  type: input\n}\n");
  });

  it("keeps at most one blank line between members and none after `{` or before `}`", () => {
    expect(fmt("metric m {\n\n  a: 1\n\n\n\n  b: 2\n\n}\n")).toBe("metric m {\n  a: 1\n\n  b: 2\n}\n");
  });

  it("aligns trailing comments on neighbouring lines and trims their trailing spaces", () => {
    expect(fmt("blueprint b {\n  maturity: 3 # one   \n  sales_cycle: 45d     # two\n\n  currency: USD   # three\n}\n")).toBe(
      "blueprint b {\n  maturity: 3      # one\n  sales_cycle: 45d # two\n\n  currency: USD # three\n}\n",
    );
  });

  it("aligns the values and arrows of the key results of one objective", () => {
    expect(fmt("okr o {\n  kr nps: 31 -> 40 by 2026-Q4\n  level: team\n  kr active_users: 42% -> 60%\n}\n")).toBe(
      "okr o {\n  kr nps:          31  -> 40 by 2026-Q4\n  level: team\n  kr active_users: 42% -> 60%\n}\n",
    );
  });

  it("breaks the line after a comment inside a value and indents the rest one level", () => {
    expect(fmt("metric m {\n  baseline: 5% # why\n  from crm over 2025-Q3\n}\n")).toBe("metric m {\n  baseline: 5% # why\n    from crm over 2025-Q3\n}\n");
  });

  it("never rewrites a file with syntax errors", () => {
    const r = format("team a { role: }\nteam b {");
    expect("errors" in r).toBe(true);
    expect((r as FormatFailure).errors.length).toBeGreaterThan(0);
    expect((r as FormatFailure).errors[0]!.span.start).toBe(15);
  });

  it("reports lexical errors too", () => {
    const r = format("team a { role: 5zz }\n");
    expect(r).toEqual({ errors: [{ span: { start: 15, end: 18 }, message: expect.stringContaining("`5zz` is not a valid number") }] });
  });

  it("copies a multi-line string verbatim, line breaks and indentation inside it included", () => {
    const text = 'metric m {\n  definition: """first\n      second\n third"""\n}\n';
    expect(fmt(text)).toBe(text);
  });

  it("keeps a trailing comma and adds none", () => {
    expect(fmt("w { k: [a, b,] }".replace("w", "workstream w"))).toBe("workstream w { k: [a, b,] }\n");
    expect(fmt("workstream w {\n  k: [\n a,\n b\n ]\n}\n")).toBe("workstream w {\n  k: [\n    a,\n    b\n  ]\n}\n");
  });
});
