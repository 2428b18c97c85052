// Parser golden files: each packages/core/fixtures/parse/NAME.pmm is parsed and
// its whole result (AST with spans, and syntax errors) compared with
// NAME.ast.json. The cases cover every value form, header and block end, and
// the errors between them; the snapshot was taken when a second, hand-written
// parser existed beside the grammar and both gave exactly this result, so it
// pins the grammar's AST. UPDATE=1 rewrites the snapshots; a reviewer reads
// the diff.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { parse } from "./parse.js";

const DIR = fileURLToPath(new URL("../../fixtures/parse", import.meta.url));
const CASES = readdirSync(DIR)
  .filter((n) => n.endsWith(".pmm"))
  .sort();

describe("parser golden files (fixtures/parse)", () => {
  it("has cases", () => {
    expect(CASES.length).toBeGreaterThan(0);
  });

  for (const name of CASES) {
    it(name, () => {
      const text = readFileSync(join(DIR, name), "utf8");
      const actual = `${JSON.stringify(parse(text), null, 1)}\n`;
      const expectedFile = join(DIR, name.replace(/\.pmm$/, ".ast.json"));
      if (process.env["UPDATE"] === "1") writeFileSync(expectedFile, actual);
      expect(actual).toBe(readFileSync(expectedFile, "utf8"));
    });
  }
});
