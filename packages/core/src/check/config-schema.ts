import { RULES } from "./rules/index.js";

/** `$id` of the published config schema. */
export const CONFIG_SCHEMA_ID = "https://pmm.dev/schemas/pmm.config/v1.json";

/**
 * The JSON Schema (2020-12) of `pmm.config.yaml`, built from the rule
 * registry: every rule's severity and options, with their defaults.
 */
export function configSchema(): Record<string, unknown> {
  const severity = { $ref: "#/$defs/severity" };
  const rules: Record<string, unknown> = {};
  for (const r of RULES) {
    const options: Record<string, unknown> = {};
    for (const [name, o] of Object.entries(r.meta.options ?? {})) {
      options[name] = {
        type: o.type,
        description: o.description,
        default: o.default,
        ...(o.minimum !== undefined ? { minimum: o.minimum } : {}),
        ...(o.items ? { items: o.items } : {}),
      };
    }
    rules[r.id] = {
      description: r.meta.description,
      oneOf: [
        severity,
        {
          type: "object",
          additionalProperties: false,
          properties: { severity, options: { type: "object", additionalProperties: false, properties: options } },
        },
      ],
    };
  }
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: CONFIG_SCHEMA_ID,
    title: "pmm.config.yaml",
    description:
      "Configuration of pmm: rule severities and options, which files belong to the workspace, extra vanity terms, the date to check against and the dbt semantic manifest to compare with.",
    type: "object",
    additionalProperties: false,
    $defs: { severity: { enum: ["error", "warning", "info", "hint", "off"], description: "a severity, or `off` to disable the rule" } },
    properties: {
      rules: { type: "object", description: "rule id → severity, or { severity, options }", additionalProperties: false, properties: rules },
      include: { type: "array", items: { type: "string" }, description: "globs (relative to the config's folder) of files to check; default every *.pmm" },
      exclude: { type: "array", items: { type: "string" }, description: "globs (relative to the config's folder) of files to leave out" },
      vanity_terms: { type: "array", items: { type: "string", minLength: 1 }, description: "extra words that mark a vanity metric" },
      today: { type: "string", format: "date", description: "the date to check against (default: the real date)" },
      dbt_manifest: {
        type: "string",
        minLength: 1,
        description:
          "the dbt project's `target/semantic_manifest.json` (relative to the config's folder), which `pmm check` compares the .pmm files with (rule `dbt-drift`); `--dbt-manifest` overrides it",
      },
    },
  };
}
