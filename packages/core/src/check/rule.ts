import type { Declaration } from "../ast/nodes.js";
import type { DbtManifest } from "../compile/dbt-manifest.js";
import type { Fix, Severity } from "../diagnostics.js";
import type { Span } from "../text/span.js";
import { formatNumber } from "../util/numbers.js";
import type { Program } from "../workspace/program.js";
import type { SourceFile } from "../syntax/source.js";

/** A rule option: its JSON Schema type, default and meaning (published in the config schema). */
export interface RuleOption {
  readonly type: "number" | "integer" | "string" | "boolean" | "array";
  readonly default: unknown;
  readonly description: string;
  readonly minimum?: number;
  readonly items?: { readonly type: "string" | "number" };
}

/** What a rule is: severity, the playbook item it enforces, messages, options. */
export interface RuleMeta {
  /** Default severity (the higher level of a two-level rule). */
  readonly severity: Severity;
  /** Seed quality gate / failure mode (`G1`, `F3`, `G2, F1`) or the framework it enforces. */
  readonly seed: string;
  /** One line: what the rule checks. */
  readonly description: string;
  /** Message templates by id; `{{name}}` is filled from the report's data. */
  readonly messages: Readonly<Record<string, string>>;
  /** Whether the editor offers a quick fix. */
  readonly fixable?: boolean;
  /** Options with defaults; thresholds live here, never as literals in `check`. */
  readonly options?: Readonly<Record<string, RuleOption>>;
}

/** A related location of a report. */
export interface ReportRelated {
  readonly file: SourceFile;
  readonly span: Span;
  readonly message: string;
}

/** What a rule reports: anchored on a declaration (its id) or on an explicit span in it. */
export interface Report {
  /** The declaration the finding is about; null for a workspace finding with no blueprint. */
  readonly decl: Declaration | null;
  /** Exact span (defaults to the declaration's id, or a tradeoff's primary). */
  readonly span?: Span;
  /** The file of `span` when it is not the declaration's file. */
  readonly file?: SourceFile;
  readonly messageId: string;
  readonly data?: Readonly<Record<string, string | number>>;
  /** Overrides the level of a two-level rule (the configured severity still wins). */
  readonly severity?: Severity;
  readonly related?: readonly ReportRelated[];
  readonly fixes?: readonly Fix[];
  readonly unnecessary?: boolean;
}

/** What a rule sees while it runs. */
export interface RuleContext {
  readonly program: Program;
  /** Today (ISO date). */
  readonly today: string;
  /** Extra vanity terms from the config. */
  readonly vanityTerms: readonly string[];
  /** The team's dbt semantic manifest, when one was given. */
  readonly dbtManifest: DbtManifest | null;
  /** An option's value (config over default). */
  option<T>(name: string): T;
  report(report: Report): void;
  /** Reports a workspace finding on the blueprint's id (null file with no blueprint). */
  reportWorkspace(messageId: string, data?: Readonly<Record<string, string | number>>): void;
}

/** A rule: one module per rule, named by its id. */
export interface Rule {
  readonly id: string;
  readonly meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/** Defines a rule (typed identity, for one export per module). */
export function defineRule(rule: Rule): Rule {
  return rule;
}

/** Fills `{{name}}` placeholders (numbers through `formatNumber`). */
export function fill(template: string, data: Readonly<Record<string, string | number>> | undefined): string {
  return template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => {
    const v = data?.[k];
    return v === undefined ? `{{${k}}}` : typeof v === "number" ? formatNumber(v) : v;
  });
}
