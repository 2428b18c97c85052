import { existsSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { Catalog, RULES } from "@pmm/core";
import { UsageError } from "../io.js";
import { catalogTableText, explainText, ruleListText } from "./explain.js";

const docsPage = (id: string): URL => new URL(`../../../../docs/rules/${id}.md`, import.meta.url);

describe("explainText", () => {
  const catalog = new Catalog();
  it("gives every rule its docs page, or a page from its meta with the fixed headings", () => {
    for (const rule of RULES) {
      const text = explainText(rule.id);
      if (existsSync(docsPage(rule.id))) expect(text).toBe(readFileSync(docsPage(rule.id), "utf8").replace(/\r\n/g, "\n"));
      else {
        expect(text.startsWith(`# ${rule.id}\n\n## What it checks\n\n`)).toBe(true);
        expect(text).toContain("\n## Options\n\n");
        for (const name of Object.keys(rule.meta.options ?? {})) expect(text).toContain(`- \`${name}\``);
      }
    }
  });

  it("gives every catalog entry its fields", () => {
    for (const e of catalog.entries) {
      const text = explainText(`std.${e.id!.name}`, catalog);
      expect(text.startsWith(`std.${e.id!.name}\n`)).toBe(true);
      for (const label of ["name", "definition", "formula", "unit", "direction", "dimension", "phases", "traces", "aliases", "rate", "vanity"]) {
        expect(text).toMatch(new RegExp(`\\n${label} +\\S`));
      }
    }
  });

  it("lists the whole catalog and every rule", () => {
    expect(catalogTableText(catalog).trimEnd().split("\n")).toHaveLength(catalog.entries.length + 1);
    expect(
      ruleListText()
        .split("\n")
        .filter((l) => RULES.some((r) => l.startsWith(`${r.id} `))),
    ).toHaveLength(RULES.length);
  });

  it("throws a UsageError with a did-you-mean for an unknown name", () => {
    expect(() => explainText("syntx", catalog)).toThrow(new UsageError("`syntx` is not a rule or a catalog entry; did you mean `syntax`?"));
    expect(() => explainText("std.np", catalog)).toThrow(new UsageError("`std.np` is not in the std catalog; did you mean `std.nps`?"));
    expect(() => explainText("constructor", catalog)).toThrow(UsageError);
  });
});
