// The server's config reader and the CLI's accept the same top-level keys.
import { describe, expect, it } from "vitest";
import { readConfig } from "./config.js";

describe("readConfig", () => {
  it("accepts `dbt_manifest` (the CLI reads the manifest; the server does not)", () => {
    expect(readConfig("dbt_manifest: target/semantic_manifest.json\ntoday: 2026-11-23\n")).toEqual({
      config: { rules: new Map(), vanityTerms: [], today: "2026-11-23", include: [], exclude: [] },
      problems: [],
    });
  });

  it("names a `dbt_manifest` that is not a path", () => {
    expect(readConfig("dbt_manifest: 3\n").problems).toEqual(["`dbt_manifest` must be the path of a `semantic_manifest.json`"]);
    expect(readConfig("dbt_manifst: x\n").problems).toEqual(["`dbt_manifst` is not a config key; did you mean `dbt_manifest`?"]);
  });
});
