// The CLI's side of `pmm.config.yaml`: the core reads and validates it
// (project/config.ts); the CLI refuses a config with any problem (exit 2, every
// problem on a line of its own as `file:line:col: message`) and applies `--rule` flags.
import { closest, EMPTY_CONFIG, leftOut, MAX_ALIAS_COUNT, readConfig, RULES_BY_ID, type ProjectConfig, type SeveritySetting } from "@pmm/core";
import { UsageError } from "./io.js";

/** A loaded, validated configuration. */
export type Config = ProjectConfig;

export { EMPTY_CONFIG, MAX_ALIAS_COUNT };

const SEVERITY_WORDS = "error, warning, info, hint or off";

/** Parses and validates `pmm.config.yaml` text; throws UsageError (a line per problem, `file:line:col: message`) on a bad config. */
export function parseConfig(text: string, fileLabel: string): Config {
  const { config, problems } = readConfig(text);
  const lines = problems.map((p) => `${fileLabel}:${p.line}:${p.column}: ${p.message}`);
  if (lines.length > 0) throw new UsageError(lines[0]!, lines);
  return config;
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
  return leftOut(config);
}
