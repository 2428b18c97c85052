import Ajv2020Module from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import picomatch from "picomatch";
import { parseDocument } from "yaml";
import { configSchema, RULES_BY_ID, type RuleConfig, type SeveritySetting } from "@pmm/core";
import { UsageError } from "./io.js";

// NodeNext sees these CommonJS default exports one level down.
const Ajv2020 = Ajv2020Module as unknown as typeof Ajv2020Module.default;
const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;

/** A loaded, validated configuration. */
export interface Config {
  readonly rules: Map<string, RuleConfig>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly vanityTerms: readonly string[];
  readonly today: string | null;
}

/** The empty configuration. */
export const EMPTY_CONFIG: Config = { rules: new Map(), include: [], exclude: [], vanityTerms: [], today: null };

let validator: ReturnType<InstanceType<typeof Ajv2020>["compile"]> | undefined;

function validate(value: unknown): { ok: true } | { ok: false; message: string } {
  if (!validator) {
    const ajv = new Ajv2020({ allErrors: false, strict: false });
    addFormats(ajv);
    validator = ajv.compile(configSchema());
  }
  if (validator(value)) return { ok: true };
  const err = validator.errors![0]!;
  const path = err.instancePath ? err.instancePath.slice(1).split("/").join(".") : "(top level)";
  let what = err.message ?? "is invalid";
  if (err.keyword === "additionalProperties") what = `has an unknown key \`${String(err.params["additionalProperty"])}\``;
  else if (err.keyword === "enum") what = `must be one of ${(err.params["allowedValues"] as unknown[]).join(", ")}`;
  return { ok: false, message: `${path} ${what}` };
}

/** Parses and validates `pmm.config.yaml` text; throws UsageError with the key path on a bad config. */
export function parseConfig(text: string, fileLabel: string): Config {
  const doc = parseDocument(text, { customTags: [], prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const pos = e.linePos?.[0];
    throw new UsageError(`${fileLabel}${pos ? `:${pos.line}:${pos.col}` : ""}: invalid YAML: ${e.message.split("\n")[0]}`);
  }
  let value: unknown;
  try {
    // Aliases are capped so an alias bomb is rejected, not expanded.
    value = doc.toJS({ maxAliasCount: 50 });
  } catch (e) {
    throw new UsageError(`${fileLabel}: ${(e as Error).message.split("\n")[0]}`);
  }
  if (value === null || value === undefined) return EMPTY_CONFIG;
  const result = validate(value);
  if (!result.ok) throw new UsageError(`${fileLabel}: ${result.message}`);
  const raw = value as { rules?: Record<string, unknown>; include?: string[]; exclude?: string[]; vanity_terms?: string[]; today?: string };
  const rules = new Map<string, RuleConfig>();
  for (const [id, v] of Object.entries(raw.rules ?? {})) {
    if (typeof v === "string") rules.set(id, { severity: v as SeveritySetting });
    else {
      const o = v as { severity?: SeveritySetting; options?: Record<string, unknown> };
      rules.set(id, { ...(o.severity ? { severity: o.severity } : {}), ...(o.options ? { options: o.options } : {}) });
    }
  }
  return { rules, include: raw.include ?? [], exclude: raw.exclude ?? [], vanityTerms: raw.vanity_terms ?? [], today: raw.today ?? null };
}

/** Applies `--rule ID=SEVERITY` flags over a config. */
export function withRuleFlags(config: Config, flags: readonly string[]): Config {
  if (!flags.length) return config;
  const rules = new Map(config.rules);
  for (const f of flags) {
    const m = /^([a-z0-9-]+)=(error|warning|info|hint|off)$/.exec(f);
    if (!m) throw new UsageError(`--rule ${f}: expected ID=SEVERITY, e.g. --rule vanity-metric=warning`);
    if (!RULES_BY_ID.has(m[1]!)) throw new UsageError(`--rule ${f}: unknown rule \`${m[1]}\``);
    rules.set(m[1]!, { ...rules.get(m[1]!), severity: m[2] as SeveritySetting });
  }
  return { ...config, rules };
}

/** A predicate over workspace-relative paths from `include`/`exclude`. */
export function fileFilter(config: Config): (rel: string) => boolean {
  const inc = config.include.length ? picomatch(config.include as string[], { dot: true }) : null;
  const exc = config.exclude.length ? picomatch(config.exclude as string[], { dot: true }) : null;
  return (rel) => (inc !== null && !inc(rel)) || (exc !== null && exc(rel));
}
