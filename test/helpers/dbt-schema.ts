// dbt's JSON Schema for YAML property files (test/fixtures/schemas/dbt_yml_files-latest.json, vendored), with the
// one addition dbt-core 1.11 needs and the snapshot lacks: `config` on a metric. dbt-core 1.11 parses it
// (`UnparsedMetric.config`, `MetricConfig` with `enabled`, `group` and `meta`); dbt-jsonschema's pull request #216
// ("Add the config field to metrics") adds it upstream. Everything else is the vendored schema as it is.
import { readFileSync } from "node:fs";
import { Ajv, type ErrorObject } from "ajv";

const ROOT = new URL("../../", import.meta.url).pathname;

/** The vendored schema, untouched. */
export const DBT_SCHEMA = JSON.parse(readFileSync(`${ROOT}test/fixtures/schemas/dbt_yml_files-latest.json`, "utf8")) as {
  properties: { metrics: { items: { properties: Record<string, unknown> } } };
};

/** dbt-core 1.11's `MetricConfig`, as a schema. */
export const METRIC_CONFIG = {
  type: "object",
  properties: {
    enabled: { type: "boolean" },
    group: { anyOf: [{ type: "string" }, { type: "null" }] },
    meta: { type: "object", propertyNames: { type: "string" } },
  },
  additionalProperties: false,
};

function withMetricConfig(): object {
  const schema = structuredClone(DBT_SCHEMA);
  schema.properties.metrics.items.properties["config"] = METRIC_CONFIG;
  return schema;
}

const ajv = new Ajv({ strict: false, allErrors: true });
const validatePristine = ajv.compile(DBT_SCHEMA);
const validateExtended = new Ajv({ strict: false, allErrors: true }).compile(withMetricConfig());

/** The errors of a parsed dbt YAML document: null when valid (the vendored schema plus metric `config`). */
export function dbtSchemaErrors(doc: unknown): ErrorObject[] | null {
  return validateExtended(doc) ? null : (validateExtended.errors ?? []);
}

/** The errors against the vendored schema exactly, for a document with each metric's `config` removed. */
export function dbtPristineErrors(doc: unknown): ErrorObject[] | null {
  const copy = structuredClone(doc) as { metrics?: Array<Record<string, unknown>> };
  for (const m of copy.metrics ?? []) delete m["config"];
  return validatePristine(copy) ? null : (validatePristine.errors ?? []);
}
