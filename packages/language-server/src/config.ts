// Reads `pmm.config.yaml` for the server: rule severities and options,
// `vanity_terms`, `today`, and `include`/`exclude` globs. Problems are
// collected as messages (the server shows them on the config file) and the
// valid parts are kept, so one typo does not switch the editor's checks off.
import { RULES_BY_ID, closest, type RuleConfig, type SeveritySetting } from "@pmm/core";
import { parseDocument } from "yaml";

/** The parts of the configuration the server uses. */
export interface ServerConfig {
  readonly rules: ReadonlyMap<string, RuleConfig>;
  readonly vanityTerms: readonly string[];
  readonly today: string | null;
  readonly include: readonly string[];
  readonly exclude: readonly string[];
}

/** A config with a list of what was wrong in it. */
export interface ConfigRead {
  readonly config: ServerConfig;
  readonly problems: readonly string[];
}

/** No configuration. */
export const EMPTY_CONFIG: ServerConfig = { rules: new Map(), vanityTerms: [], today: null, include: [], exclude: [] };

const SEVERITIES: ReadonlySet<string> = new Set(["error", "warning", "info", "hint", "off"]);
// `dbt_manifest` is the CLI's (`pmm check` compares with it); the server accepts the key and does not read the manifest.
const TOP_KEYS = ["rules", "include", "exclude", "vanity_terms", "today", "dbt_manifest"];

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function strings(v: unknown, key: string, problems: string[]): string[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v) || v.some((x) => typeof x !== "string")) {
    problems.push(`\`${key}\` must be a list of strings`);
    return [];
  }
  return v as string[];
}

/** Parses config text; never throws. */
export function readConfig(text: string): ConfigRead {
  const problems: string[] = [];
  let value: unknown;
  try {
    const doc = parseDocument(text, { schema: "core", customTags: [], uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) return { config: EMPTY_CONFIG, problems: [`invalid YAML: ${doc.errors[0]!.message.split("\n")[0]}`] };
    // Aliases are capped: an alias bomb is refused, never expanded.
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return { config: EMPTY_CONFIG, problems: [`invalid YAML: ${String((e as Error).message ?? e).split("\n")[0]}`] };
  }
  if (value === null || value === undefined) return { config: EMPTY_CONFIG, problems };
  if (!isRecord(value)) return { config: EMPTY_CONFIG, problems: [`the top level must be a mapping of ${TOP_KEYS.join(", ")}`] };
  for (const key of Object.keys(value)) {
    if (!TOP_KEYS.includes(key)) {
      const hint = closest(key, TOP_KEYS);
      problems.push(`\`${key}\` is not a config key${hint ? `; did you mean \`${hint}\`?` : ""}`);
    }
  }
  const rules = new Map<string, RuleConfig>();
  const rawRules = value["rules"];
  if (rawRules !== undefined && rawRules !== null && !isRecord(rawRules)) problems.push("`rules` must be a mapping of rule id to severity");
  if (isRecord(rawRules)) {
    for (const [id, v] of Object.entries(rawRules)) {
      const rule = RULES_BY_ID.get(id);
      if (!rule) {
        const hint = closest(id, RULES_BY_ID.keys());
        problems.push(`\`rules.${id}\` is not a rule${hint ? `; did you mean \`${hint}\`?` : ""}`);
        continue;
      }
      if (typeof v === "string") {
        if (SEVERITIES.has(v)) rules.set(id, { severity: v as SeveritySetting });
        else problems.push(`\`rules.${id}\` must be one of error, warning, info, hint or off`);
        continue;
      }
      if (!isRecord(v)) {
        problems.push(`\`rules.${id}\` must be a severity or a mapping with \`severity\` and \`options\``);
        continue;
      }
      const severity = v["severity"];
      if (severity !== undefined && (typeof severity !== "string" || !SEVERITIES.has(severity))) {
        problems.push(`\`rules.${id}.severity\` must be one of error, warning, info, hint or off`);
        continue;
      }
      const options = v["options"];
      if (options !== undefined && !isRecord(options)) {
        problems.push(`\`rules.${id}.options\` must be a mapping`);
        continue;
      }
      const known = rule.meta.options ?? {};
      const kept: Record<string, unknown> = {};
      for (const [name, o] of Object.entries(options ?? {})) {
        if (!Object.hasOwn(known, name)) problems.push(`\`rules.${id}.options.${name}\` is not an option of \`${id}\``);
        else kept[name] = o;
      }
      rules.set(id, { ...(severity !== undefined ? { severity: severity as SeveritySetting } : {}), ...(options !== undefined ? { options: kept } : {}) });
    }
  }
  const today = value["today"];
  let todayIso: string | null = null;
  if (today !== undefined && today !== null) {
    if (typeof today === "string" && /^\d{4}-\d{2}-\d{2}$/.test(today)) todayIso = today;
    else problems.push("`today` must be a date as YYYY-MM-DD");
  }
  const manifest = value["dbt_manifest"];
  if (manifest !== undefined && manifest !== null && (typeof manifest !== "string" || manifest === "")) problems.push("`dbt_manifest` must be the path of a `semantic_manifest.json`");
  return {
    config: {
      rules,
      vanityTerms: strings(value["vanity_terms"], "vanity_terms", problems),
      today: todayIso,
      include: strings(value["include"], "include", problems),
      exclude: strings(value["exclude"], "exclude", problems),
    },
    problems,
  };
}

/** A glob (`**`, `*`, `?`) as a regular expression over `/`-separated relative paths. */
function globToRegExp(glob: string): RegExp {
  let out = "";
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === "*" && glob[i + 1] === "*") {
      if (glob[i + 2] === "/") {
        out += "(?:.*/)?";
        i += 2;
      } else {
        out += ".*";
        i += 1;
      }
    } else if (c === "*") out += "[^/]*";
    else if (c === "?") out += "[^/]";
    else out += c.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${out}$`);
}

/** A predicate over root-relative paths: true when `include`/`exclude` leave the file out. */
export function fileFilter(config: ServerConfig): (rel: string) => boolean {
  const inc = config.include.map(globToRegExp);
  const exc = config.exclude.map(globToRegExp);
  return (rel) => (inc.length > 0 && !inc.some((r) => r.test(rel))) || exc.some((r) => r.test(rel));
}
