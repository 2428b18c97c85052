import { describe, expect, it } from "vitest";
import { blueprintText, checkWorkspace, compileBlueprint, format, parse } from "../index.js";

// `##` doc comments and the blueprint must not depend on the line endings:
// a CR-only file used to lose every doc comment (and fmt, which writes LF, then changed the blueprint).
const LINES = [
  "## The PMM team.",
  "## It owns positioning.",
  'team pmm "PMM" { role: pmm }',
  "",
  "# not a doc comment",
  "## Weekly active accounts.",
  "metric wau {",
  "  ## not a doc: inside a block",
  '  type: input  owner: pmm  levers: ["x"]',
  "}",
  "",
];
const DOCS = [
  ["pmm", "The PMM team.\nIt owns positioning."],
  ["wau", "Weekly active accounts."],
];

function joined(breaks: readonly string[]): string {
  return LINES.map((l, i) => l + (i < LINES.length - 1 ? breaks[i % breaks.length]! : "")).join("");
}

// name, the line breaks used in turn, and the line end fmt writes (the first break decides: CRLF stays, the rest become LF)
const STYLES: ReadonlyArray<readonly [string, readonly string[], string]> = [
  ["LF", ["\n"], "\n"],
  ["CRLF", ["\r\n"], "\r\n"],
  ["CR", ["\r"], "\n"],
  ["mixed, CR first", ["\r", "\n", "\r\n"], "\n"],
  ["mixed, CRLF first", ["\r\n", "\r", "\n", "\r"], "\r\n"],
  ["mixed, LF first", ["\n", "\r", "\r\n"], "\n"],
];

function docs(text: string): string[][] {
  return parse(text).ast.declarations.map((d) => [d.id!.name, d.doc ?? ""]);
}

function blueprint(text: string): string {
  const { program, diagnostics } = checkWorkspace([{ path: "a.pmm", contents: text }], { today: "2026-11-23" });
  return blueprintText(compileBlueprint(program, diagnostics, { today: "2026-11-23" }));
}

const FORMATTED = [
  "## The PMM team.",
  "## It owns positioning.",
  'team pmm "PMM" { role: pmm }',
  "",
  "# not a doc comment",
  "## Weekly active accounts.",
  "metric wau {",
  "  ## not a doc: inside a block",
  "  type: input",
  "  owner: pmm",
  '  levers: ["x"]',
  "}",
  "",
].join("\n");

describe("line endings", () => {
  const reference = blueprint(joined(["\n"]));
  for (const [name, breaks, eol] of STYLES) {
    it(`${name}: doc comments attach, and fmt keeps them and the blueprint`, () => {
      const text = joined(breaks);
      expect(docs(text)).toEqual(DOCS);
      const r = format(text);
      if ("errors" in r) throw new Error(JSON.stringify(r.errors));
      expect(r.text).toBe(FORMATTED.replaceAll("\n", eol));
      expect(docs(r.text)).toEqual(DOCS);
      expect(blueprint(text)).toBe(reference);
      expect(blueprint(r.text)).toBe(reference);
    });
  }
});
