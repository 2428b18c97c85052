// The one config reader (the CLI and the server both use it): valid keys kept, every problem at its position.
import { describe, expect, it } from "vitest";
import { configKeyPosition, readConfig } from "./config.js";

describe("readConfig", () => {
  it("accepts `dbt_manifest` as written (the CLI resolves it against the config's folder)", () => {
    expect(readConfig("dbt_manifest: target/semantic_manifest.json\ntoday: 2026-11-23\n")).toEqual({
      config: { rules: new Map(), include: [], exclude: [], vanityTerms: [], today: "2026-11-23", dbtManifest: "target/semantic_manifest.json" },
      problems: [],
    });
  });

  it("names a `dbt_manifest` that is not a path, and a misspelt key, each at its position, keeping the rest", () => {
    const r = readConfig("dbt_manifest: 3\ndbt_manifst: x\ntoday: 2026-11-23\n");
    expect(r.problems.map((p) => `${p.line}:${p.column}: ${p.message}`)).toEqual([
      "2:1: dbt_manifst is not a config key (expected one of rules, include, exclude, vanity_terms, today, dbt_manifest); did you mean `dbt_manifest`?",
      "1:15: dbt_manifest must be a string",
    ]);
    expect(r.config.today).toBe("2026-11-23");
    expect(r.config.dbtManifest).toBeNull();
  });
});

describe("configKeyPosition", () => {
  it("finds a top-level key as YAML writes it: block, quoted or flow style", () => {
    expect(configKeyPosition("today: 2026-11-23\ndbt_manifest: a.json\n", "dbt_manifest")).toEqual({ offset: 18, line: 2, column: 1 });
    expect(configKeyPosition('today: 2026-11-23\n"dbt_manifest": a.json\n', "dbt_manifest")).toEqual({ offset: 18, line: 2, column: 1 });
    expect(configKeyPosition("{ today: 2026-11-23, dbt_manifest: a.json }\n", "dbt_manifest")).toEqual({ offset: 21, line: 1, column: 22 });
  });

  it("is null for a key the config does not hold, a nested one, or text that is not a YAML map", () => {
    expect(configKeyPosition("today: 2026-11-23\n", "dbt_manifest")).toBeNull();
    expect(configKeyPosition("rules:\n  dbt_manifest: x\n", "dbt_manifest")).toBeNull();
    expect(configKeyPosition("- dbt_manifest\n", "dbt_manifest")).toBeNull();
    expect(configKeyPosition("a: [\n", "dbt_manifest")).toBeNull();
  });
});
