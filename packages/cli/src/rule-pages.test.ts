import { describe, expect, it } from "vitest";
import { defineRule } from "@pmm/core";
import { ruleDocsUrl, rulePage, ruleSummary } from "./rule-pages.js";

const unwritten = defineRule({
  id: "zz-unwritten",
  meta: {
    severity: "warning",
    seed: "G9",
    description: "a rule whose page is not written",
    messages: {},
    options: { max: { type: "integer", default: 7, description: "most things allowed" } },
  },
  check: () => undefined,
});

describe("rule pages", () => {
  it("builds a page from the meta when docs/rules/<id>.md is missing", () => {
    expect(rulePage(unwritten)).toBe(
      "# zz-unwritten\n\n## What it checks\n\nA rule whose page is not written.\n\nDefault severity: warning. Enforces: G9.\n\n## Options\n\n- `max` (integer, default `7`): most things allowed\n",
    );
    expect(ruleSummary(unwritten)).toBe("a rule whose page is not written");
  });

  it("points help URIs at the docs page under the repository URL", () => {
    expect(ruleDocsUrl("syntax")).toBe("https://github.com/pmm-dev/pmm/blob/main/docs/rules/syntax.md");
  });
});
