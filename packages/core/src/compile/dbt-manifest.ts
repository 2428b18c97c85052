// dbt's `target/semantic_manifest.json` (written by `dbt parse`), read into the few facts the drift check compares.
// The shape follows dbt-semantic-interfaces 0.9 (`PydanticSemanticManifest`), which dbt-core 1.11 serialises;
// docs/dbt.md lists the fields read. Pure: text or bytes in, value out.
import { decodeUtf8 } from "../text/utf8.js";

/** A measure a semantic model defines. */
export interface DbtManifestMeasure {
  readonly name: string;
  /** `sum`, `count`, `count_distinct`, `sum_boolean`, `average`, `min`, `max`, `median` or `percentile`. */
  readonly agg: string;
  readonly semanticModel: string;
  /** The measure has a `non_additive_dimension`: a snapshot (a balance read at a point in time). */
  readonly snapshot: boolean;
  /** The `time_granularity` of its `agg_time_dimension` (the semantic model's default when it has none), if known. */
  readonly grain: string | null;
}

/** A metric the dbt project defines, reduced to what decides whether two definitions are the same. */
export interface DbtManifestMetric {
  readonly name: string;
  readonly type: string;
  readonly label: string | null;
  /** `measure` (simple, cumulative), `numerator`/`denominator` (ratio) or `expr` (derived), as one comparable text. */
  readonly definition: string;
  /** `config.meta.pmm.id`: the pmm metric a previous `pmm export dbt` wrote it from. */
  readonly pmmId: string | null;
}

/** The facts of a semantic manifest. */
export interface DbtManifest {
  /** A hash of the manifest text: a re-check reuses no finding across two manifests. */
  readonly fingerprint: string;
  readonly measures: ReadonlyMap<string, DbtManifestMeasure>;
  readonly metrics: ReadonlyMap<string, DbtManifestMetric>;
}

/** A parsed manifest, or what is wrong with the text (lowercase, no path: the caller adds it). */
export type DbtManifestResult = { readonly manifest: DbtManifest; readonly error?: undefined } | { readonly manifest?: undefined; readonly error: string };

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function str(v: unknown): string | null {
  return typeof v === "string" ? v : null;
}

/** A metric input (`{ name }` in the manifest, a bare string in YAML). */
function inputName(v: unknown): string | null {
  return isObject(v) ? str(v["name"]) : str(v);
}

/** One comparable text for a metric's definition. */
export function dbtDefinition(type: string, params: { measure?: string | null; numerator?: string | null; denominator?: string | null; expr?: string | null }): string {
  switch (type) {
    case "simple":
    case "cumulative":
      return `${type} ${params.measure ?? ""}`;
    case "ratio":
      return `ratio ${params.numerator ?? ""} / ${params.denominator ?? ""}`;
    case "derived":
      return `derived ${(params.expr ?? "").replace(/\s+/g, "")}`;
    default:
      return type;
  }
}

/** FNV-1a of the text, with its length. */
function fingerprint(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

/** The largest semantic manifest pmm reads (dbt writes a few MB for thousands of metrics): the CLI's and the server's limit. */
export const MAX_MANIFEST_BYTES = 64 * 1024 * 1024;

/** Reads `semantic_manifest.json`: its text, or its bytes (UTF-8, else an error). Never throws. */
export function parseDbtManifest(contents: string | Uint8Array): DbtManifestResult {
  let text: string;
  if (typeof contents === "string") text = contents;
  else {
    const decoded = decodeUtf8(contents);
    if (decoded.errors.length > 0) return { error: "the dbt manifest is not UTF-8 text" };
    text = decoded.text;
  }
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (e) {
    return {
      error: `not JSON: ${String((e as Error).message)
        .split("\n")[0]!
        .replace(/^./, (c) => c.toLowerCase())}`,
    };
  }
  if (!isObject(doc)) return { error: "not a dbt semantic manifest: expected a JSON object with `semantic_models` and `metrics`" };
  const models = doc["semantic_models"];
  const metricsIn = doc["metrics"];
  if (!Array.isArray(models) || !Array.isArray(metricsIn)) {
    const missing = !Array.isArray(models) ? "semantic_models" : "metrics";
    return { error: `not a dbt semantic manifest: \`${missing}\` is missing or not a list (write it with \`dbt parse\`, which saves \`target/semantic_manifest.json\`)` };
  }
  const measures = new Map<string, DbtManifestMeasure>();
  for (const [i, model] of models.entries()) {
    const modelName = isObject(model) ? str(model["name"]) : null;
    if (!isObject(model) || modelName === null) return { error: `not a dbt semantic manifest: \`semantic_models[${i}]\` has no \`name\`` };
    const defaults = isObject(model["defaults"]) ? model["defaults"] : {};
    const grains = new Map<string, string>();
    for (const d of Array.isArray(model["dimensions"]) ? model["dimensions"] : []) {
      const params = isObject(d) && isObject(d["type_params"]) ? d["type_params"] : {};
      const name = isObject(d) ? str(d["name"]) : null;
      const grain = str(params["time_granularity"]);
      if (name !== null && grain !== null) grains.set(name, grain.toLowerCase());
    }
    const list = model["measures"] ?? [];
    if (!Array.isArray(list)) return { error: `not a dbt semantic manifest: \`measures\` of semantic model \`${modelName}\` is not a list` };
    for (const measure of list) {
      const name = isObject(measure) ? str(measure["name"]) : null;
      const agg = isObject(measure) ? str(measure["agg"]) : null;
      if (!isObject(measure) || name === null || agg === null)
        return { error: `not a dbt semantic manifest: a measure of semantic model \`${modelName}\` has no \`name\` or \`agg\`` };
      const timeDimension = str(measure["agg_time_dimension"]) ?? str(defaults["agg_time_dimension"]);
      const grain = timeDimension === null ? null : (grains.get(timeDimension) ?? null);
      if (!measures.has(name)) measures.set(name, { name, agg: agg.toLowerCase(), semanticModel: modelName, snapshot: isObject(measure["non_additive_dimension"]), grain });
    }
  }
  const metrics = new Map<string, DbtManifestMetric>();
  for (const [i, metric] of metricsIn.entries()) {
    const name = isObject(metric) ? str(metric["name"]) : null;
    const type = isObject(metric) ? str(metric["type"]) : null;
    if (!isObject(metric) || name === null || type === null) return { error: `not a dbt semantic manifest: \`metrics[${i}]\` has no \`name\` or \`type\`` };
    const params = isObject(metric["type_params"]) ? metric["type_params"] : {};
    const config = isObject(metric["config"]) ? metric["config"] : {};
    const meta = isObject(config["meta"]) ? config["meta"] : {};
    const pmm = isObject(meta["pmm"]) ? meta["pmm"] : {};
    const t = type.toLowerCase();
    metrics.set(name, {
      name,
      type: t,
      label: str(metric["label"]),
      definition: dbtDefinition(t, {
        measure: inputName(params["measure"]),
        numerator: inputName(params["numerator"]),
        denominator: inputName(params["denominator"]),
        expr: str(params["expr"]),
      }),
      pmmId: str(pmm["id"]),
    });
  }
  return { manifest: { fingerprint: fingerprint(text), measures, metrics } };
}
