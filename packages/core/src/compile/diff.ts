// `pmm diff`: what changed between two compiled blueprints, as markdown for a pull-request comment.
import { formatPeriod, formatQuantity } from "./format-values.js";
import type { Blueprint, MetricOut, Target } from "./types.js";

/** A metric as a list item: `` `win_rate` (Win rate) ``. */
function label(m: MetricOut): string {
  return m.name === m.id ? `\`${m.id}\`` : `\`${m.id}\` (${m.name})`;
}

/** A target in words: `29% by 2026-Q4`. */
function targetText(t: Target | null, fiscal: number): string {
  if (t === null) return "none";
  return t.by === null ? formatQuantity(t.value) : `${formatQuantity(t.value)} by ${formatPeriod(t.by, fiscal)}`;
}

/** Workstreams in words: `` `a`, `b` `` or `none`. */
function streams(ids: readonly string[]): string {
  return ids.length === 0 ? "none" : ids.map((w) => `\`${w}\``).join(", ");
}

/** Table cells cannot hold `|`. */
function cell(s: string): string {
  return s.replace(/\|/g, "\\|");
}

/** `1 metric`, `2 metrics`. */
function count(n: number, noun: string): string {
  return `${n} ${n === 1 ? noun : `${noun}s`}`;
}

/**
 * Markdown summary of what changed from `before` to `after`: metrics added,
 * removed and redefined (definition or formula), targets moved, KPIs moved
 * between workstreams, and rules with more findings than before.
 */
export function diffBlueprints(before: Blueprint, after: Blueprint): string {
  const old = new Map(before.metrics.map((m) => [m.id, m]));
  const now = new Map(after.metrics.map((m) => [m.id, m]));
  const fiscalOld = before.blueprint.fiscal_year_start;
  const fiscal = after.blueprint.fiscal_year_start;
  const added = after.metrics.filter((m) => !old.has(m.id));
  const removed = before.metrics.filter((m) => !now.has(m.id));
  const kept = after.metrics.filter((m) => old.has(m.id)).map((m) => [old.get(m.id)!, m] as const);

  const redefined: string[] = [];
  const moved: string[] = [];
  const reassigned: string[] = [];
  for (const [a, b] of kept) {
    const what: string[] = [];
    if (a.definition !== b.definition) what.push(b.definition === null ? "definition removed" : a.definition === null ? "definition added" : "definition changed");
    if (a.formula_text !== b.formula_text)
      what.push(`formula ${a.formula_text === null ? "none" : `\`${a.formula_text}\``} → ${b.formula_text === null ? "none" : `\`${b.formula_text}\``}`);
    if (what.length > 0) redefined.push(`- ${label(b)}: ${what.join("; ")}`);
    const ta = targetText(a.target, fiscalOld);
    const tb = targetText(b.target, fiscal);
    if (ta !== tb) moved.push(`- ${label(b)}: ${ta} → ${tb}`);
    const wa = [...a.workstreams].sort();
    const wb = [...b.workstreams].sort();
    if (wa.join(",") !== wb.join(",")) reassigned.push(`- ${label(b)}: ${streams(wa)} → ${streams(wb)}`);
  }

  const rules = [...new Set([...Object.keys(before.diagnostics.by_rule), ...Object.keys(after.diagnostics.by_rule)])].sort();
  const failing = rules
    .map(
      (r) =>
        [
          r,
          Object.hasOwn(before.diagnostics.by_rule, r) ? before.diagnostics.by_rule[r]! : 0,
          Object.hasOwn(after.diagnostics.by_rule, r) ? after.diagnostics.by_rule[r]! : 0,
        ] as const,
    )
    .filter(([, a, b]) => b > a);

  const summary = [
    added.length > 0 ? `${count(added.length, "metric")} added` : "",
    removed.length > 0 ? `${count(removed.length, "metric")} removed` : "",
    redefined.length > 0 ? `${count(redefined.length, "metric")} redefined` : "",
    moved.length > 0 ? `${count(moved.length, "target")} moved` : "",
    reassigned.length > 0 ? `${count(reassigned.length, "KPI")} reassigned` : "",
    failing.length > 0 ? `${count(failing.length, "rule")} newly failing` : "",
  ].filter((s) => s !== "");

  const out: string[] = ["## pmm blueprint changes", ""];
  if (summary.length === 0) {
    out.push("No metric, target, KPI or rule changes.");
    return `${out.join("\n")}\n`;
  }
  out.push(`${summary.join(", ")}.`);
  const section = (title: string, lines: readonly string[]): void => {
    if (lines.length > 0) out.push("", `### ${title}`, "", ...lines);
  };
  section(
    "Metrics added",
    added.map((m) => `- ${label(m)}`),
  );
  section(
    "Metrics removed",
    removed.map((m) => `- ${label(m)}`),
  );
  section("Metrics redefined", redefined);
  section("Targets moved", moved);
  section("KPIs reassigned", reassigned);
  if (failing.length > 0) {
    section("Rules newly failing", ["| rule | before | after |", "|---|---:|---:|", ...failing.map(([r, a, b]) => `| ${cell(`\`${r}\``)} | ${a} | ${b} |`)]);
  }
  return `${out.join("\n")}\n`;
}
