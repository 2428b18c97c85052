// Generated files the CLI embeds are in sync with their sources (the build regenerates them).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { configSchema, RULES } from "../packages/core/src/index.js";
import { configValidatorModule } from "../scripts/config-validator-module.mjs";
import { ruleDocsModule } from "../scripts/rule-docs-module.mjs";
import { ROOT } from "./fixtures/cli/run-cli.js";

const read = (path: string): string => readFileSync(join(ROOT, path), "utf8");

/** Compares a generated file with what its generator makes now, without printing a huge diff. */
function inSync(path: string, expected: string): void {
  const actual = read(path);
  expect(actual === expected, `${path} is out of date: run \`node scripts/build.mjs\``).toBe(true);
}

describe("generated files", () => {
  it("docs/pmm.config.schema.json is the core's configSchema()", () => {
    inSync("docs/pmm.config.schema.json", `${JSON.stringify(configSchema(), null, 2)}\n`);
  });

  it("the config schema publishes every rule with its options and defaults", () => {
    const rules = (configSchema() as { properties: { rules: { properties: Record<string, unknown> } } }).properties.rules.properties;
    expect(Object.keys(rules)).toEqual(RULES.map((r) => r.id));
  });

  it("packages/core/src/generated/config-validator.ts is the schema compiled by ajv", () => {
    inSync("packages/core/src/generated/config-validator.ts", configValidatorModule(configSchema()));
  });

  it("packages/cli/src/generated/rule-docs.ts embeds every docs/rules page", () => {
    inSync("packages/cli/src/generated/rule-docs.ts", ruleDocsModule());
  });
});
