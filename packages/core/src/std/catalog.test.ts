import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KIND_SPECS } from "../schema/kinds.js";
import type { ValueIssue } from "../workspace/validate.js";
import { validateDeclaration } from "../workspace/validator.js";
import { namesIn, phraseOf } from "../workspace/values.js";
import { Catalog } from "./catalog.js";
import { STD_TEXT } from "./std-text.js";

describe("std catalog", () => {
  const catalog = new Catalog();
  it("is embedded from std.pmm (run the build to regenerate std-text.ts)", () => {
    expect(STD_TEXT).toBe(readFileSync(new URL("./std.pmm", import.meta.url), "utf8"));
  });

  it("parses without syntax errors and checks clean against the catalog schema", () => {
    expect(catalog.file.syntaxErrors).toEqual([]);
    const issues: ValueIssue[] = [];
    for (const d of catalog.entries) issues.push(...validateDeclaration(d, catalog.file, KIND_SPECS.get("catalog")).issues);
    expect(issues.map((i) => `${i.decl.id?.name}: ${i.message}`)).toEqual([]);
  });

  it("has every metric the seed framework lists, and the common vanity metrics flagged", () => {
    const ids = catalog.entries.map((d) => d.id!.name);
    for (const id of [
      "win_rate",
      "nps",
      "share_of_search",
      "brand_awareness",
      "customer_lifetime_value",
      "price_sensitivity",
      "beta_satisfaction",
      "market_share",
      "asset_utilization",
      "sales_confidence",
      "arr",
      "mrr",
      "case_studies",
      "cac",
      "cost_to_serve",
      "gross_revenue_retention",
      "net_revenue_retention",
      "churn_rate",
      "average_deal_size",
      "sqls",
      "mqls",
      "active_users",
      "feature_adoption",
      "time_to_value",
      "time_to_close",
      "ltv_to_cac",
      "cac_payback",
    ]) {
      expect(ids).toContain(id);
    }
    const vanity = catalog.entries.filter((d) => d.properties.some((p) => p.name.name === "vanity"));
    expect(vanity.map((d) => d.id!.name).sort()).toEqual([
      "downloads",
      "emails_collected",
      "followers",
      "impressions",
      "likes",
      "page_views",
      "registered_users",
      "time_on_site",
      "unique_visitors",
      "visits",
    ]);
  });

  it("every entry has a definition, unit, direction and dimension; formulas name catalog entries", () => {
    const ids = new Set(catalog.entries.map((d) => d.id!.name));
    for (const d of catalog.entries) {
      const has = (n: string) => d.properties.some((p) => p.name.name === n);
      expect([d.id!.name, has("definition"), has("unit"), has("direction"), has("dimension")]).toEqual([d.id!.name, true, true, true, true]);
      const formula = phraseOf(d.properties.find((p) => p.name.name === "formula"))?.expr;
      for (const n of namesIn(formula)) expect(ids.has(n.name), `${d.id!.name} formula names ${n.name}`).toBe(true);
    }
  });
});
