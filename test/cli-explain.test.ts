// `pmm explain RULE|std.NAME|std` end to end, from a folder far from the repository.
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Catalog, RULES } from "../packages/core/src/index.js";
import { ensureBuilt, isOneLine, pmm, ROOT, workspace } from "./fixtures/cli/run-cli.js";

let elsewhere = "";
beforeAll(() => {
  ensureBuilt();
  elsewhere = workspace({});
});
afterAll(() => rmSync(elsewhere, { recursive: true, force: true }));

describe("pmm explain RULE", () => {
  it("prints the rule's docs page, embedded in the bundle, from any folder", () => {
    const r = pmm(["explain", "syntax"], { cwd: elsewhere });
    expect(r.stdout).toBe(readFileSync(join(ROOT, "docs/rules/syntax.md"), "utf8"));
    expect(r.code).toBe(0);
  });

  it("lists every rule with no argument", () => {
    const r = pmm(["explain"], { cwd: elsewhere });
    const lines = r.stdout.split("\n");
    expect(lines[0]).toMatch(/^rule +severity +description$/);
    for (const rule of RULES) expect(lines.some((l) => l.startsWith(`${rule.id} `) && l.includes(rule.meta.description))).toBe(true);
    expect(r.code).toBe(0);
  });
});

describe("pmm explain std.NAME and std", () => {
  it("prints a catalog entry with every field", () => {
    const r = pmm(["explain", "std.win_rate"], { cwd: elsewhere });
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(
      [
        "std.win_rate",
        "",
        "Share of decided opportunities that closed won; the core read-out of win/loss analysis.",
        "",
        "name        Win rate",
        "definition  Opportunities closed won divided by opportunities closed won or lost in the period; open and disqualified opportunities are excluded",
        "formula     —",
        "unit        percent",
        "direction   up",
        "dimension   monetization",
        "phases      discover",
        "traces      pipeline",
        "aliases     close rate",
        "rate        yes: the number can rise while the count behind it falls, so a KPI on it needs a count companion",
        "vanity      no",
        "",
        'Start a workspace metric from it: metric win_rate "Win rate" from std.win_rate { … }',
        "",
      ].join("\n"),
    );
  });

  it("shows a formula and the vanity flag", () => {
    const arr = pmm(["explain", "std.arr"], { cwd: elsewhere });
    expect(arr.stdout).toContain("\nformula     mrr * 12\n");
    expect(arr.stdout).toContain("\nphases      strategize, get_set, monthly\n");
    const views = pmm(["explain", "std.page_views"], { cwd: elsewhere });
    expect(views.stdout).toContain("\nvanity      yes: easy to grow, traces to no outcome; a KPI built on it is reported by `vanity-metric`\n");
    expect(views.stdout).toContain("\nphases      —\n");
  });

  it("prints the catalog as a table with id, name, phase, dimension, unit and vanity", () => {
    const r = pmm(["explain", "std"], { cwd: elsewhere });
    const lines = r.stdout.trimEnd().split("\n");
    expect(lines[0]).toMatch(/^id +name +phase +dimension +unit +vanity$/);
    const entries = new Catalog().entries;
    expect(lines.length).toBe(entries.length + 1);
    expect(lines[1]).toMatch(/^std\.win_rate +Win rate +discover +monetization +percent$/);
    expect(lines.find((l) => l.startsWith("std.page_views "))).toMatch(/^std\.page_views +Page views +— +engagement +count +yes$/);
    expect(r.code).toBe(0);
  });
});

describe("unknown names", () => {
  const cases: [string, string][] = [
    ["kpi-cont", "pmm: `kpi-cont` is not a rule or a catalog entry; did you mean `kpi-count`?\n"],
    ["std.win_rat", "pmm: `std.win_rat` is not in the std catalog; did you mean `std.win_rate`?\n"],
    ["win_rate", "pmm: `win_rate` is not a rule or a catalog entry; did you mean `std.win_rate`?\n"],
    ["std.zzzzzzzz", "pmm: `std.zzzzzzzz` is not in the std catalog; `pmm explain std` lists it\n"],
    ["zzzzzzzz", "pmm: `zzzzzzzz` is not a rule or a catalog entry; `pmm explain` lists the rules\n"],
    ["__proto__", "pmm: `__proto__` is not a rule or a catalog entry; `pmm explain` lists the rules\n"],
  ];
  for (const [name, stderr] of cases) {
    it(`${name} → exit 2 with a did-you-mean`, () => {
      const r = pmm(["explain", name], { cwd: elsewhere });
      expect(r.stderr).toBe(stderr);
      expect(isOneLine(r.stderr)).toBe(true);
      expect(r.stdout).toBe("");
      expect(r.code).toBe(2);
    });
  }
});
