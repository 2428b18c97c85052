// `pmm.config.yaml`: the one reading of the config for the CLI and the
// language server. The text is parsed as YAML (core schema, no custom tags,
// aliases capped), validated against the published config schema
// (check/config-schema.ts, compiled at build time into
// generated/config-validator.ts), and every problem comes back with its
// position in the YAML. The valid keys are kept: the CLI refuses a config
// with any problem (exit 2), the server shows the problems on the config file
// and checks with what is left.
import type { ErrorObject } from "ajv";
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { SeveritySetting } from "../diagnostics.js";
import { configValidator } from "../generated/config-validator.js";
import type { RuleConfig } from "../check/run.js";
import { RULES_BY_ID } from "../check/run.js";
import { closest } from "../util/suggest.js";

/** A read configuration (its valid parts). */
export interface ProjectConfig {
  readonly rules: ReadonlyMap<string, RuleConfig>;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
  readonly vanityTerms: readonly string[];
  readonly today: string | null;
  /** `dbt_manifest` as written (the CLI resolves it against the config's folder); null when unset. */
  readonly dbtManifest: string | null;
}

/** A problem in a config, at a position in its text (1-based line and column, as YAML tools print them). */
export interface ConfigProblem {
  readonly message: string;
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

/** What reading a config gives: its valid parts and every problem. */
export interface ConfigRead {
  readonly config: ProjectConfig;
  readonly problems: readonly ConfigProblem[];
}

/** The empty configuration. */
export const EMPTY_CONFIG: ProjectConfig = { rules: new Map(), include: [], exclude: [], vanityTerms: [], today: null, dbtManifest: null };

/** How many alias expansions a config may make: enough for shared option blocks, far too few for an alias bomb. */
export const MAX_ALIAS_COUNT = 100;

/** At most this many problems are reported (each costs one validation of what is left). */
const MAX_PROBLEMS = 50;

/** The tags of YAML's core schema; any other tag (`!!js/function`, `!custom`, `!!binary`) is refused. */
const CORE_TAGS: ReadonlySet<string> = new Set(["str", "int", "float", "bool", "null", "map", "seq"].map((t) => `tag:yaml.org,2002:${t}`));

const TOP_KEYS = ["rules", "include", "exclude", "vanity_terms", "today", "dbt_manifest"];
const SEVERITY_WORDS = "error, warning, info, hint or off";

/** An ajv validate function. */
type Validate = { (data: unknown): boolean; errors?: ErrorObject[] | null };

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
  return instancePath
    ? instancePath
        .slice(1)
        .split("/")
        .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"))
    : [];
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

/** A schema problem: its message, where it is (`key` for an unknown key) and what to drop to keep the rest. */
interface SchemaProblem {
  readonly message: string;
  readonly at: readonly string[];
  readonly key: boolean;
  readonly drop: readonly string[];
}

/** The most telling schema error (the deepest, with unknown keys and rule settings spelled out). */
function describe(errors: readonly ErrorObject[]): SchemaProblem {
  const real = errors.filter((e) => e.keyword !== "oneOf" && e.keyword !== "anyOf" && e.keyword !== "if");
  const depth = (e: ErrorObject): number => segmentsOf(e.instancePath).length + (e.keyword === "additionalProperties" ? 1 : 0);
  const deepest = Math.max(...real.map(depth));
  const at = real.filter((e) => depth(e) === deepest);
  const err = at.find((e) => e.keyword === "additionalProperties") ?? at[0] ?? errors[0]!;
  const segments = segmentsOf(err.instancePath);
  const path = keyPath(segments);
  // What is dropped: the unknown key, else the value (a whole list when one of its items is wrong).
  const listAt = segments.findIndex((s) => /^\d+$/.test(s));
  const valueDrop = listAt >= 0 ? segments.slice(0, listAt) : segments;
  const problem = (message: string): SchemaProblem => ({ message, at: segments, key: false, drop: valueDrop });
  // A rule's value is either a severity word or { severity, options }: say both when it is neither.
  if (segments.length === 2 && segments[0] === "rules" && err.keyword !== "additionalProperties") {
    return problem(`${path} must be a severity (${SEVERITY_WORDS}) or a mapping with \`severity\` and \`options\``);
  }
  switch (err.keyword) {
    case "additionalProperties": {
      const key = String(err.params["additionalProperty"]);
      return { message: unknownKey(segments, key), at: [...segments, key], key: true, drop: [...segments, key] };
    }
    case "enum":
      return problem(`${path} must be one of ${orList((err.params["allowedValues"] as unknown[]).map(String))}`);
    case "type": {
      const t = String(err.params["type"]);
      if (segments.length === 0) return problem(`the top level must be a mapping of ${TOP_KEYS.join(", ")}`);
      return problem(`${path} must be ${TYPE_WORDS[t] ?? t}`);
    }
    case "format":
      return problem(err.params["format"] === "date" ? `${path} must be a date as YYYY-MM-DD` : `${path} must be a ${String(err.params["format"])}`);
    case "minimum":
      return problem(`${path} must be at least ${String(err.params["limit"])}`);
    case "maximum":
      return problem(`${path} must be at most ${String(err.params["limit"])}`);
    case "minLength":
      return problem(`${path} must not be empty`);
    default:
      return problem(`${path} ${err.message ?? "is invalid"}`);
  }
}

/** A tag as written (`tag:yaml.org,2002:js/function` → `!!js/function`). */
function tagAsWritten(tag: string): string {
  return tag.startsWith("tag:yaml.org,2002:") ? `!!${tag.slice("tag:yaml.org,2002:".length)}` : tag;
}

/** The offset of the node at `segments` (its key, for `key`), or of the nearest node above it. */
function offsetOf(doc: Document, segments: readonly string[], key: boolean): number {
  let node: unknown = doc.contents;
  let offset = isNode(node) ? (node.range?.[0] ?? 0) : 0;
  for (let i = 0; i < segments.length; i++) {
    const s = segments[i]!;
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === s);
      if (!pair) return offset;
      const last = i === segments.length - 1;
      if (last && key && isNode(pair.key)) return pair.key.range?.[0] ?? offset;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(s)];
    } else return offset;
    if (isNode(node) && node.range) offset = node.range[0];
  }
  return offset;
}

/** Removes the value at `segments` from a plain object tree. */
function remove(value: unknown, segments: readonly string[]): void {
  let at = value;
  for (let i = 0; i < segments.length - 1; i++) {
    if (typeof at !== "object" || at === null) return;
    at = (at as Record<string, unknown>)[segments[i]!];
  }
  if (typeof at === "object" && at !== null) delete (at as Record<string, unknown>)[segments[segments.length - 1]!];
}

/** Reads `pmm.config.yaml` text: its valid parts and every problem, with positions. Never throws. */
export function readConfig(text: string, validate: Validate = configValidator() as Validate): ConfigRead {
  const lines = new LineCounter();
  const problems: ConfigProblem[] = [];
  const at = (message: string, offset: number): ConfigProblem => {
    const pos = lines.linePos(offset);
    return { message, offset, line: pos.line, column: pos.col };
  };
  const failed = (message: string, offset: number): ConfigRead => ({ config: EMPTY_CONFIG, problems: [at(message, offset)] });
  const doc = parseDocument(text, { schema: "core", customTags: [], prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length) {
    const e = doc.errors[0]!;
    const first = e.message.split("\n")[0]!.replace(/[.:]\s*$/, "");
    const what = e.code === "MULTIPLE_DOCS" ? "a config holds one YAML document, found more" : `${first.charAt(0).toLowerCase()}${first.slice(1)}`;
    return failed(`invalid YAML: ${what}`, e.pos[0]);
  }
  let badTag: { tag: string; offset: number } | null = null;
  let firstAlias = -1;
  visit(doc, (_key, node) => {
    if (isAlias(node) && firstAlias < 0) firstAlias = node.range?.[0] ?? 0;
    if (isNode(node) && node.tag !== undefined && !CORE_TAGS.has(node.tag)) {
      badTag = { tag: node.tag, offset: node.range?.[0] ?? 0 };
      return visit.BREAK;
    }
    return undefined;
  });
  if (badTag !== null) {
    const { tag, offset } = badTag as { tag: string; offset: number };
    // Point at the tag itself, which comes before the value the node starts at.
    const found = text.lastIndexOf(tagAsWritten(tag), offset);
    return failed(`the tag \`${tagAsWritten(tag)}\` is not allowed; a config holds plain values only`, found >= 0 ? found : offset);
  }
  let value: unknown;
  try {
    // Aliases are capped so an alias bomb is rejected, not expanded.
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
  } catch (e) {
    const message = (e as Error).message;
    if (/alias/i.test(message)) return failed(`YAML aliases expand too far (more than ${MAX_ALIAS_COUNT}); write the values out`, Math.max(0, firstAlias));
    return failed(`invalid YAML: ${message.split("\n")[0]}`, 0);
  }
  if (value === null || value === undefined) return { config: EMPTY_CONFIG, problems };
  // Validate, report the most telling problem, drop what it concerns, and again until what is left is valid.
  while (!validate(value)) {
    const p = describe(validate.errors ?? []);
    problems.push(at(p.message, offsetOf(doc as Document, p.at, p.key)));
    if (p.drop.length === 0 || problems.length >= MAX_PROBLEMS) return { config: EMPTY_CONFIG, problems };
    remove(value, p.drop);
  }
  return { config: configOf(value), problems };
}

/**
 * Where a top-level key of a config is written (its key's start), read as YAML (block or flow style,
 * quoted or not), or null when the text does not hold it: for problems found outside `readConfig`,
 * such as a `dbt_manifest` that cannot be read.
 */
export function configKeyPosition(text: string, key: string): Omit<ConfigProblem, "message"> | null {
  const lines = new LineCounter();
  const doc = parseDocument(text, { schema: "core", customTags: [], prettyErrors: false, lineCounter: lines });
  if (doc.errors.length || !isMap(doc.contents) || !doc.contents.items.some((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === key)) return null;
  const offset = offsetOf(doc as Document, [key], true);
  const pos = lines.linePos(offset);
  return { offset, line: pos.line, column: pos.col };
}

/** The configuration of a value that matches the schema. */
function configOf(value: unknown): ProjectConfig {
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
