// Missing ★/☆ properties: the gaps of each declaration (per file), and which of them the program reports (KPIs, outputs, duplicates).
import type { Declaration, Property } from "../ast/nodes.js";
import { KIND_SPECS, type KindSpec, type PropertySpec } from "../schema/kinds.js";
import type { SourceFile } from "../syntax/source.js";
import type { MetricModel, Program } from "./program.js";
import type { RequiredGap, ValueIssue } from "./validate.js";
import { findProperty, wordOf } from "./values.js";

/** Each kind's ★ and ☆ properties, in table order. */
const REQUIRED: ReadonlyMap<KindSpec, readonly PropertySpec[]> = new Map([...KIND_SPECS.values()].map((spec) => [spec, [...spec.properties.values()].filter((s) => s.required)]));

/** The ★/☆ properties a declaration lacks, its catalog entry merged (`std` is fixed, so this is local). */
export function requiredGaps(decl: Declaration, catalog: ReadonlyMap<string, Declaration>, out: RequiredGap[]): void {
  if (decl.kind === "tradeoff" || !decl.id) return;
  const spec = KIND_SPECS.get(decl.kind)!;
  const entry = decl.kind === "metric" ? catalogEntryOf(decl, catalog) : null;
  const id = decl.id.name;
  let output = false;
  if (decl.kind === "metric") output = wordOf(findProperty(decl.properties, "type") ?? (entry ? findProperty(entry.properties, "type") : undefined)) === "output";
  for (const s of REQUIRED.get(spec)!) {
    if (hasProperty(decl.properties, s.name)) continue;
    out.push({ decl, id, output, spec: s, inEntry: entry !== null && hasProperty(entry.properties, s.name) });
  }
  if (decl.kind === "experiment" && !hasProperty(decl.properties, "expect") && !hasProperty(decl.properties, "mde")) out.push({ decl, id, output, spec: null, inEntry: false });
}

/** The catalog entry a metric starts `from` (`from std.NAME`) among the std entries by id, or null. */
export function catalogEntryOf(decl: Declaration, catalog: ReadonlyMap<string, Declaration>): Declaration | null {
  const from = decl.from;
  if (!from || from.parts.length !== 2 || from.parts[0]!.name !== "std") return null;
  return catalog.get(from.parts[1]!.name) ?? null;
}

/**
 * The missing-property issues of a file's gaps, now that the program knows
 * KPIs and duplicates: ★ always, ☆ on outputs or KPIs. A metric that is not
 * the first of its id is judged on its own properties only.
 */
export function requiredIssues(program: Program, file: SourceFile, gaps: readonly RequiredGap[], add: (i: ValueIssue) => void): void {
  // Gaps come grouped by declaration: its model, type and KPI-ness are looked up once.
  let last: Declaration | undefined;
  let metric: MetricModel | undefined;
  let output = false;
  let kpi = false;
  for (let g = 0; g < gaps.length; g++) {
    const gap = gaps[g]!;
    const decl = gap.decl;
    const s = gap.spec;
    if (s === null) {
      const id = decl.id!;
      add({
        rule: "missing-property",
        file,
        span: id.span,
        decl,
        message: `\`${decl.kind} ${id.name}\` needs \`expect\` (the value hoped for) or \`mde\` (the smallest effect worth detecting); add one`,
        data: { property: "expect" },
      });
      continue;
    }
    if (decl !== last) {
      // Only the facts' copies of the id and type are read here, not the (cold) declaration.
      last = decl;
      const model = program.metrics.get(gap.id);
      metric = model?.decl === decl ? model : undefined;
      output = metric !== undefined && gap.output;
      kpi = metric !== undefined && program.isKpi(metric);
    }
    // The first metric of an id has its catalog entry merged; a duplicate has no model and only its own properties.
    if (metric && gap.inEntry) continue;
    let message: string | undefined;
    if (s.required === "always") message = `\`${decl.kind} ${gap.id}\` is missing \`${s.name}\` (${s.doc}); add \`${s.name}: …\``;
    else if (s.required === "output" && output)
      message = `output metric \`${gap.id}\` has no \`${s.name}\`; outputs need one of ${(s.type.t === "enum" ? s.type.values : []).join(", ")}`;
    else if (s.required === "kpi" && kpi) message = `\`${gap.id}\` is a KPI and has no \`${s.name}\` (${s.doc}); add \`${s.name}: …\``;
    if (message) add({ rule: "missing-property", file, span: decl.id!.span, decl, message, data: { property: s.name } });
  }
}

function hasProperty(props: readonly Property[], name: string): boolean {
  return findProperty(props, name) !== undefined;
}
