import type { ErrorObject } from "ajv";
import picomatch from "picomatch";
import { isNode, LineCounter, parseDocument, visit } from "yaml";
import { closest, RULES_BY_ID, type RuleConfig, type SeveritySetting } from "@pmm/core";
import { configValidator } from "./generated/config-validator.js";
import { UsageError } from "./io.js";

/** An ajv validate function. */
type Validate = { (data: unknown): boolean; errors?: ErrorObject[] | null };

/** The published config schema (`configSchema()` of the core), compiled by ajv at build time; built on first use. */
let validator: Validate | undefined;

/** A loaded, validated configuration. */
export interface Config {
  readonly rules: Map<string, RuleConfig>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly vanityTerms: readonly string[];
  readonly today: string | null;
  /** `dbt_manifest`, resolved against the config's folder by the loader; null when unset. */
  readonly dbtManifest: string | null;
}

/** The empty configuration. */
export const EMPTY_CONFIG: Config = { rules: new Map(), include: [], exclude: [], vanityTerms: [], today: null, dbtManifest: null };

/** How many alias expansions a config may make: enough for shared option blocks, far too few for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** The tags of YAML's core schema; any other tag (`!!js/function`, `!custom`, `!!binary`) is refused. */
const CORE_TAGS = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

const TOP_KEYS = ["rules", "include", "exclude", "vanity_terms", "today", "dbt_manifest"];
const SEVERITY_WORDS = "error, warning, info, hint or off";

/** `a, b or c`. */
function orList(words: readonly string[]): string {
  return words.length > 1 ? `${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}` : (words[0] ?? "");
}

/** `rules.kpi-count.options.max`, `include[2]`, or `the top level`. */
function keyPath(segments: readonly string[]): string {
  let out = "";
  for (const s of segments) out += /^\d+$/.test(s) ? `[${s}]` : out ? `.${s}` : s;
  return out || "the top level";
}

function segmentsOf(instancePath: string): string[] {
  return instancePath ? instancePath.slice(1).split("/").map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~")) : [];
}

const TYPE_WORDS: Readonly<Record<string, string>> = {
  integer: "a whole number",
  number: "a number",
  string: "a string",
  boolean: "true or false",
  array: "a list",
  object: "a mapping",
};

/** What the key at `segments` should hold, for an unknown key under it. */
function unknownKey(segments: readonly string[], key: string): string {
  const at = [...segments, key];
  if (segments.length === 0) {
    const hint = closest(key, TOP_KEYS);
    return `${keyPath(at)} is not a config key (expected one of ${TOP_KEYS.join(", ")})${hint ? `; did you mean \`${hint}\`?` : ""}`;
  }
  if (segments.length === 1 && segments[0] === "rules") {
    const hint = closest(key, RULES_BY_ID.keys());
    return `${keyPath(at)} is not a rule${hint ? `; did you mean \`${hint}\`?` : "; `pmm explain` lists the rules"}`;
  }
  if (segments.length === 2 && segments[0] === "rules") {
    return `${keyPath(at)} is not a rule setting (expected severity or options)`;
  }
  if (segments.length === 3 && segments[0] === "rules" && segments[2] === "options") {
    const names = Object.keys(RULES_BY_ID.get(segments[1]!)?.meta.options ?? {}).sort();
    const hint = closest(key, names);
    const expected = names.length ? `expected one of ${names.join(", ")}` : `\`${segments[1]}\` has no options`;
    return `${keyPath(at)} is not an option of \`${segments[1]}\` (${expected})${hint ? `; did you mean \`${hint}\`?` : ""}`;
  }
  return `${keyPath(at)} is not expected here`;
}

/** One line for the most telling schema error: the deepest, with unknown keys and rule settings spelled out. */
function describe(errors: readonly ErrorObject[]): string {
  const real = errors.filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf" && e.keyword !== "if");
  const depth = (e: ErrorObject): number => segmentsOf(e.instancePath).length + (e.keyword === "additionalProperties" ? 1 : 0);
  const deepest = Math.max(...real.map(depth));
  const at = real.filter((e) => depth(e) === deepest);
  const err = at.find((e) => e.keyword === "additionalProperties") ?? at[0] ?? errors[0]!;
  const segments = segmentsOf(err.instancePath);
  const path = keyPath(segments);
  // A rule's value is either a severity word or { severity, options }: say both when it is neither.
  if (segments.length === 2 && segments[0] === "rules" && err.keyword !== "additionalProperties") {
    return `${path} must be a severity (${SEVERITY_WORDS}) or a mapping with \`severity\` and \`options\``;
  }
  switch (err.keyword) {
    case "additionalProperties":
      return unknownKey(segments, String(err.params["additionalProperty"]));
    case "enum":
      return `${path} must be one of ${orList((err.params["allowedValues"] as unknown[]).map(String))}`;
    case "type": {
      const t = String(err.params["type"]);
      if (segments.length === 0) return `the top level must be a mapping of ${TOP_KEYS.join(", ")}`;
      return `${path} must be ${TYPE_WORDS[t] ?? t}`;
    }
    case "format":
      return err.params["format"] === "date" ? `${path} must be a date as YYYY-MM-DD` : `${path} must be a ${String(err.params["format"])}`;
    case "minimum":
      return `${path} must be at least ${String(err.params["limit"])}`;
    case "minLength":
      return `${path} must not be empty`;
    default:
      return `${path} ${err.message ?? "is invalid"}`;
  }
}

function validate(value: unknown): string | null {
  validator ??= configValidator() as Validate;
  return validator(value) ? null : describe(validator.errors ?? []);
}

/** A tag as written (`tag:yaml.org,2002:js/function` → `!!js/function`). */
function tagAsWritten(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/** Parses and validates `pmm.config.yaml` text; throws UsageError (one line, with the key path) on a bad config. */
export function parseConfig(text: string, fileLabel: string): Config {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { schema: "core", customTags: [], prettyErrors: false, uniqueKeys: true, lineCounter });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = lineCounter.linePos(e.pos[0]);
    const first = e.message.split("\n")[0]!.replace(/[.:]\s*$/, "");
    const what = e.code === "MULTIPLE_DOCS" ? "a config holds one YAML document, found more" : `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
    throw new UsageError(`${fileLabel}:${pos.line}:${pos.col}: invalid YAML: ${what}`);
  }
  let badTag: { tag: string; offset: number } | null = null;
  visit(doc, (_key, node) => {
    if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      badTag = { tag: node.tag, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    }
    return undefined;
  });
  if (badTag !== null) {
    const { tag, offset } = badTag as { tag: string; offset: number };
    // Point at the tag itself, which comes before the value the node starts at.
    const at = text.lastIndexOf(tagAsWritten(tag), offset);
    const pos = lineCounter.linePos(at >= 0 ? at : offset);
    throw new UsageError(`${fileLabel}:${pos.line}:${pos.col}: the tag \`${tagAsWritten(tag)}\` is not allowed; a config holds plain values only`);
  }
  let value: unknown;
  try {
    // Aliases are capped so an alias bomb is rejected, not expanded.
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (/alias/i.test(message)) throw new UsageError(`${fileLabel}: YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}); write the values out`);
    throw new UsageError(`${fileLabel}: invalid YAML: ${message.split("\n")[0]}`);
  }
  if (value === null || value === undefined) return EMPTY_CONFIG;
  const problem = validate(value);
  if (problem !== null) throw new UsageError(`${fileLabel}: ${problem}`);
  const raw = value as { rules?: Record<string, unknown>; include?: string[]; exclude?: string[]; vanity_terms?: string[]; today?: string; dbt_manifest?: string };
  const rules = new Map<string, RuleConfig>();
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    if (typeof v === "string") rules.set(id, { severity: v as SeveritySetting });
    else {
      const o = v as { severity?: SeveritySetting; options?: Record<string, unknown> };
      rules.set(id, { ...(o.severity ? { severity: o.severity } : {}), ...(o.options ? { options: o.options } : {}) });
    }
  }
  return { rules, include: raw.include ?? [], exclude: raw.exclude ?? [], vanityTerms: raw.vanity_terms ?? [], today: raw.today ?? null, dbtManifest: raw.dbt_manifest ?? null };
}

/** Applies `--rule ID=SEVERITY` flags over a config (later flags win). */
export function withRuleFlags(config: Config, flags: readonly string[]): Config {
  if (!flags.length) return config;
  const rules = new Map(config.rules);
  for (const f of flags) {
    const m = /^([^=]+)=(.*)$/.exec(f);
    if (!m) throw new UsageError(`--rule ${f}: expected ID=SEVERITY, e.g. --rule vanity-metric=warning`);
    const [, id, severity] = m as unknown as [string, string, string];
    if (!RULES_BY_ID.has(id)) {
      const hint = closest(id, RULES_BY_ID.keys());
      throw new UsageError(`--rule ${f}: unknown rule \`${id}\`${hint ? `; did you mean \`${hint}\`?` : ""}`);
    }
    if (!/^(error|warning|info|hint|off)$/.test(severity)) throw new UsageError(`--rule ${f}: the severity must be one of ${SEVERITY_WORDS}`);
    rules.set(id, { ...rules.get(id), severity: severity as SeveritySetting });
  }
  return { ...config, rules };
}

/** A predicate over workspace-relative paths: true when `include`/`exclude` leave the file out. */
export function fileFilter(config: Config): (rel: string) => boolean {
  const inc = config.include.length ? picomatch(config.include as string[], { dot: true }) : null;
  const exc = config.exclude.length ? picomatch(config.exclude as string[], { dot: true }) : null;
  return (rel) => (inc !== null && !inc(rel)) || (exc !== null && exc(rel));
}
