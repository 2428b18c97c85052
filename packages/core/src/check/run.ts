import { compareDiagnostics, type Diagnostic, type Severity, type SeveritySetting } from "../diagnostics.js";
import type { DbtManifest } from "../compile/dbt-manifest.js";
import type { Program } from "../workspace/program.js";
import { anchorOf } from "../workspace/program.js";
import type { SourceFile } from "../syntax/source.js";
import { fileSuppressions, type Suppression } from "../workspace/suppressions.js";
import { closest } from "../util/suggest.js";
import type { Span } from "../text/span.js";
import { fill, type Report, type Rule, type RuleContext } from "./rule.js";
import { RULES } from "./rules/index.js";

/** A rule's configuration: severity and options. */
export interface RuleConfig {
  readonly severity?: SeveritySetting;
  readonly options?: Readonly<Record<string, unknown>>;
}

/** What a check needs besides the program. */
export interface CheckOptions {
  /** Rule configuration by id. */
  readonly rules?: ReadonlyMap<string, RuleConfig>;
  /** Extra vanity terms (config `vanity_terms`). */
  readonly vanityTerms?: readonly string[];
  /** The team's dbt semantic manifest (`--dbt-manifest`, config `dbt_manifest`), for `dbt-drift`. */
  readonly dbtManifest?: DbtManifest | null;
  /** Opt-in timing: called after each rule with its id and wall time in ms (the bench prints the slowest). */
  readonly onRuleTimed?: (id: string, ms: number) => void;
}

/** Rules by id. */
export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(RULES.map((r) => [r.id, r]));

/** The file/span/declaration a report sits on. */
function locate(program: Program, r: Report): Pick<Diagnostic, "file" | "span" | "declaration"> {
  if (!r.decl) return r.file && r.span ? { file: r.file.path, span: copySpan(r.span), declaration: null } : { file: null, span: null, declaration: null };
  const file = r.file ?? program.fileOf(r.decl);
  return { file: file.path, span: copySpan(r.span ?? anchorOf(r.decl).span), declaration: r.decl.id?.name ?? null };
}

/** A finding before suppressions, with the file it sits in. */
export interface Finding {
  readonly d: Diagnostic;
  readonly file: SourceFile | null;
}

/** Runs every enabled rule over a program and applies suppressions. Diagnostics come back sorted. */
export function checkProgram(program: Program, options: CheckOptions = {}): Diagnostic[] {
  return applySuppressions(program, runRules(program, options), options).sort(compareDiagnostics);
}

/** Runs every enabled rule; findings before suppressions. */
function runRules(program: Program, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const config = options.rules?.get(rule.id);
    if (config?.severity === "off") continue;
    const defaults = rule.meta.options ?? {};
    const ctx: RuleContext = {
      program,
      today: program.today,
      vanityTerms: options.vanityTerms ?? [],
      dbtManifest: options.dbtManifest ?? null,
      option<T>(name: string): T {
        const v = config?.options?.[name];
        return (v !== undefined ? v : defaults[name]?.default) as T;
      },
      report(r: Report) {
        const template = rule.meta.messages[r.messageId];
        if (template === undefined) throw new Error(`rule ${rule.id} has no message ${r.messageId}`);
        const severity: Severity = (config?.severity as Severity | undefined) ?? r.severity ?? rule.meta.severity;
        const loc = locate(program, r);
        // Spans are copied: a diagnostic shares nothing with the AST.
        const d: Diagnostic = {
          rule: rule.id,
          severity,
          message: fill(template, r.data),
          ...loc,
          messageId: r.messageId,
          ...(r.data ? { data: Object.fromEntries(Object.entries(r.data).map(([k, v]) => [k, String(v)])) } : {}),
          ...(r.related?.length ? { related: r.related.map((x) => ({ file: x.file.path, span: copySpan(x.span), message: x.message })) } : {}),
          ...(r.fixes?.length
            ? {
                fixes: r.fixes.map((f) => ({
                  title: f.title,
                  edits: f.edits.map((e) => ({ file: e.file, span: copySpan(e.span), newText: e.newText })),
                  ...(f.safe ? { safe: true } : {}),
                })),
              }
            : {}),
          ...(r.unnecessary ? { unnecessary: true } : {}),
        };
        findings.push({ d, file: r.decl ? (r.file ?? program.fileOf(r.decl)) : (r.file ?? null) });
      },
      reportWorkspace(messageId, data) {
        const bp = program.blueprint ?? null;
        this.report(data ? { decl: bp, messageId, data } : { decl: bp, messageId });
      },
    };
    const start = options.onRuleTimed ? performance.now() : 0;
    rule.check(ctx);
    options.onRuleTimed?.(rule.id, performance.now() - start);
  }
  return findings;
}

function copySpan(s: Span): Span {
  return { start: s.start, end: s.end };
}

function suppressionDiagnostic(rule: string, s: Suppression, messageId: string, data: Record<string, string>, options: CheckOptions, span = s.span): Diagnostic | null {
  const r = RULES_BY_ID.get(rule)!;
  const severity = options.rules?.get(rule)?.severity ?? r.meta.severity;
  if (severity === "off") return null;
  return {
    rule,
    severity,
    message: fill(r.meta.messages[messageId]!, data),
    file: s.file.path,
    span,
    declaration: s.decl?.id?.name ?? null,
    messageId,
    data,
    ...(rule === "unused-suppression"
      ? { unnecessary: true, fixes: [{ title: "Remove the unused `pmm-ignore`", edits: [{ file: s.file.path, span: s.span, newText: "" }] }] }
      : {}),
  };
}

function applySuppressions(program: Program, raw: readonly Finding[], options: CheckOptions): Diagnostic[] {
  const out: Diagnostic[] = [];
  const suppressions: Suppression[] = [];
  for (const f of program.files) suppressions.push(...fileSuppressions(f));
  if (suppressions.length === 0) return raw.map((r) => r.d);

  const extra: Diagnostic[] = [];
  // active[i] = rule ids of suppression i that apply
  const active: Array<{ s: Suppression; id: string; span: { start: number; end: number }; used: boolean }> = [];
  for (const s of suppressions) {
    if (s.problem) {
      const d = suppressionDiagnostic("invalid-suppression", s, "malformed", { problem: s.problem }, options);
      if (d) extra.push(d);
      continue;
    }
    const expired = s.until !== null && s.until < program.today;
    for (const r of s.rules) {
      if (!RULES_BY_ID.has(r.id)) {
        const suggestion = closest(r.id, RULES_BY_ID.keys());
        const d = suggestion
          ? suppressionDiagnostic("invalid-suppression", s, "unknownRuleSuggest", { rule: r.id, suggestion }, options, r.span)
          : suppressionDiagnostic("invalid-suppression", s, "unknownRule", { rule: r.id }, options, r.span);
        if (d) extra.push(d);
        continue;
      }
      if (expired) {
        const d = suppressionDiagnostic("expired-suppression", s, "expired", { rule: r.id, until: s.until! }, options);
        if (d) extra.push(d);
        continue;
      }
      active.push({ s, id: r.id, span: r.span, used: false });
    }
  }
  for (const r of raw) {
    const d = r.d;
    const hit =
      d.span && d.file
        ? active.find((a) => a.id === d.rule && a.s.file.path === d.file && a.s.target && a.s.target.start <= d.span!.start && d.span!.start < a.s.target.end)
        : undefined;
    if (hit) hit.used = true;
    else out.push(d);
  }
  for (const a of active) {
    if (a.used) continue;
    const d = a.s.target
      ? suppressionDiagnostic("unused-suppression", a.s, "unused", { rule: a.id }, options)
      : suppressionDiagnostic("unused-suppression", a.s, "noTarget", { rule: a.id }, options);
    if (d) extra.push(d);
  }
  return [...out, ...extra];
}
