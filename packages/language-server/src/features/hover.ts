// Hover: a metric's definition, unit, direction, owner, baseline → target and
// the scores of its key results; any other declaration's title and doc; a
// `std` entry; a property's doc from the property tables; a rule id in a
// `# pmm-ignore` comment: the rule's description.
import {
  experimentSampleSize,
  KIND_SPECS,
  RULES_BY_ID,
  baselineOf,
  groupAgreements,
  identsOf,
  scoreKeyResult,
  type Declaration,
  type KindSpec,
  type MetricModel,
  type Program,
  type PropertySpec,
  type SourceFile,
  type View,
} from "@pmm/core";
import { MarkupKind, type Hover, type HoverParams } from "vscode-languageserver/node";
import { formatNumber, propertyValueText, requirementText, valueText } from "../describe.js";
import { declarationAt, locate, touches } from "../locate.js";
import { toOffset, toRange } from "../positions.js";
import type { Session } from "../session.js";
import { ruleDocsHref } from "./diagnostics.js";

/** The text of a metric property (own, else the catalog entry's). */
function metricValue(program: Program, m: MetricModel, name: string): string {
  const own = m.own(name);
  if (own) return propertyValueText(m.file, own);
  const inherited = m.prop(name);
  return inherited ? propertyValueText(program.catalogFile, inherited) : "";
}

/** A team id with its title: `` `finance` (Finance) ``. */
function teamText(program: Program, id: string): string {
  const title = program.lookupKind(id, "team")?.title?.value;
  return title ? `\`${id}\` (${title})` : `\`${id}\``;
}

/** Markdown for a workspace metric. */
export function metricHover(program: Program, m: MetricModel): string {
  const out: string[] = [];
  const type = m.type ? `${m.type} metric` : "metric";
  out.push(`**${m.displayName}** — ${type} \`${m.id}\`${m.entry?.id ? ` from \`std.${m.entry.id.name}\`` : ""}`);
  const doc = m.decl.doc ?? m.entry?.doc;
  if (doc) out.push(doc);
  const definition = m.definition;
  if (definition) out.push(`*Definition:* ${definition}`);
  const facts: string[] = [];
  const unit = m.word("unit");
  if (unit) facts.push(`- unit: ${unit}`);
  const direction = m.word("direction");
  if (direction) facts.push(`- direction: ${direction}`);
  const owner = m.word("owner");
  if (owner) facts.push(`- owner: ${teamText(program, owner)}`);
  // who agreed the definition: its own `agreed_by`, then each review that agreed it with a group
  const own = identsOf(m.prop("agreed_by")).map((i) => i.name);
  const groups = groupAgreements(program).get(m.id) ?? [];
  if (own.length > 0 || groups.length > 0) {
    const parts = [
      ...(own.length > 0 ? [own.map((t) => `\`${t}\``).join(", ")] : []),
      ...groups.map((g) => `${g.teams.map((t) => `\`${t}\``).join(", ")} (review \`${g.review}\`${g.on ? `, ${g.on}` : ""})`),
    ];
    facts.push(`- agreed by: ${parts.join("; ")}`);
  }
  const baseline = metricValue(program, m, "baseline");
  const target = metricValue(program, m, "target");
  if (baseline && target) facts.push(`- baseline → target: ${baseline} → ${target}`);
  else if (baseline) facts.push(`- baseline: ${baseline}`);
  else if (target) facts.push(`- target: ${target}`);
  if (facts.length) out.push(facts.join("\n"));
  const krs = (program.kpis.get(m) ?? []).filter((u) => u.via === "kr" && u.kr);
  if (krs.length) {
    const lines = krs.map((u) => {
      const kr = u.kr!;
      const file = program.fileOf(u.decl);
      const from = kr.from ? file.text.slice(kr.from.span.start, kr.from.span.end) : "?";
      const to = kr.to ? file.text.slice(kr.to.span.start, kr.to.span.end) : "?";
      const by = kr.by ? ` ${file.text.slice(kr.by.span.start, kr.by.span.end)}` : " (no deadline)";
      const s = scoreKeyResult(kr, baselineOf(program)(m.id));
      const change = kr.change ? `${kr.sign ?? ""}${file.text.slice(kr.change.span.start, kr.change.span.end)}` : "?";
      const ask =
        kr.form === "move"
          ? `${from} → ${to}`
          : kr.form === "target"
            ? `→ ${to}${s.start === null ? " (no stated start, no baseline)" : ` from the baseline ${s.start}`}`
            : kr.form === "change"
              ? `${change}${s.start === null ? " (no baseline to start from)" : ` from the baseline ${s.start}`}`
              : `${kr.bound === "at_most" ? "at most" : "at least"} ${to}`;
      const current =
        s.current !== null
          ? `, current ${propertyValueText(
              file,
              kr.properties.find((p) => p.name.name === "current"),
            )}`
          : "";
      const score = s.score !== null ? ` — score ${s.score.toFixed(2)} (${s.band})` : " — not scored yet (no `current`)";
      return `- \`${u.decl.id?.name ?? "?"}\`: ${ask}${by}${current}${score}`;
    });
    out.push(`Key results:\n${lines.join("\n")}`);
  }
  return out.join("\n\n");
}

/** Markdown for a `std` catalog entry. */
export function catalogHover(program: Program, entry: Declaration): string {
  const file = program.catalogFile;
  const out: string[] = [`**${entry.title?.value ?? entry.id?.name ?? "?"}** — catalog entry \`std.${entry.id?.name ?? "?"}\``];
  if (entry.doc) out.push(entry.doc);
  const prop = (name: string): string =>
    propertyValueText(
      file,
      entry.properties.find((p) => p.name.name === name),
    );
  const definition = prop("definition");
  if (definition) out.push(`*Definition:* ${definition.replace(/^"|"$/g, "")}`);
  const facts: string[] = [];
  for (const name of ["formula", "unit", "direction", "dimension", "traces"]) {
    const v = prop(name);
    if (v) facts.push(`- ${name}: ${v}`);
  }
  if (prop("rate") === "true") facts.push("- a rate");
  if (prop("vanity") === "true") facts.push("- a vanity metric");
  if (facts.length) out.push(facts.join("\n"));
  return out.join("\n\n");
}

/** Markdown for any declaration. */
export function declarationHover(program: Program, decl: Declaration): string {
  if (decl.kind === "metric") {
    const m = program.metricOf(decl);
    if (m) return metricHover(program, m);
  }
  const label = decl.kind === "tradeoff" ? `tradeoff \`${decl.primary?.name ?? "?"}\` vs \`${decl.guard?.name ?? "?"}\`` : `${decl.kind} \`${decl.id?.name ?? "?"}\``;
  const out: string[] = [decl.title ? `**${decl.title.value}** — ${label}` : `**${label}**`];
  if (decl.doc) out.push(decl.doc);
  else {
    const kindDoc = KIND_SPECS.get(decl.kind)?.doc;
    if (kindDoc) out.push(`*${kindDoc}*`);
  }
  if (decl.kind === "experiment") {
    const s = experimentSampleSize(decl);
    if (s)
      out.push(
        `Sample size: ${formatNumber(s.n, 0)} per arm × ${s.arms} arms at ${formatNumber(s.perDay)}/day — ${formatNumber(s.days, 0)} days (α ${s.alpha}, power ${s.power}, ${s.kind})`,
      );
  }
  return out.join("\n\n");
}

/** Markdown for a property name. */
export function propertyHover(kind: KindSpec["kind"], spec: PropertySpec): string {
  const req = requirementText(spec);
  const where = kind === "kr" ? "key-result" : kind === "view" ? "view" : kind;
  const out = [`**${spec.name}** — ${where} property${req ? ` (${req})` : ""}`, spec.doc, `Value: ${valueText(spec)}`];
  if (spec.modifiers?.length) out.push(`Modifiers: ${spec.modifiers.map(([k]) => `\`${k}\``).join(", ")}`);
  return out.join("\n\n");
}

/** Markdown for a rule id. */
export function ruleHover(id: string): string | null {
  const rule = RULES_BY_ID.get(id);
  if (!rule) return null;
  return [`**${id}** — ${rule.meta.severity} by default`, rule.meta.description, `[Rule docs](${ruleDocsHref(id)})`].join("\n\n");
}

function viewHover(file: SourceFile, decl: Declaration, view: View): string {
  const title = view.title?.value;
  const out = [`${title ? `**${title}** — ` : ""}view \`${view.id.name}\` of dashboard \`${decl.id?.name ?? "?"}\``];
  const audience = view.properties.find((p) => p.name.name === "audience");
  if (audience) out.push(`audience: ${propertyValueText(file, audience)}`);
  return out.join("\n\n");
}

/** Answers `textDocument/hover`. */
export function hover(session: Session, params: HoverParams): Hover | null {
  const file = session.file(params?.textDocument?.uri);
  if (!file) return null;
  const offset = toOffset(file, params.position);
  if (offset === null) return null;
  const program = session.program(file);
  const target = locate(program, file, offset);
  let value: string | null = null;
  let span = target?.span ?? null;
  if (target) {
    switch (target.t) {
      case "rule":
        value = ruleHover(target.id);
        break;
      case "property":
        value = target.spec ? propertyHover(target.kind, target.spec) : null;
        break;
      case "reference": {
        const t = target.ref.target;
        if (t) value = target.ref.catalog ? catalogHover(program, t) : declarationHover(program, t);
        break;
      }
      case "declaration":
        value = declarationHover(program, target.decl);
        break;
      case "view":
        value = viewHover(file, target.decl, target.view);
        break;
    }
  } else {
    // `std` in `from std.NAME`: the entry the name points at
    const decl = declarationAt(file, offset);
    if (decl?.from && touches(decl.from.span, offset) && decl.from.parts.length === 2) {
      const entry = program.catalog.get(decl.from.parts[1]!.name);
      if (entry) {
        value = catalogHover(program, entry);
        span = decl.from.span;
      }
    }
  }
  if (value === null) return null;
  return { contents: { kind: MarkupKind.Markdown, value }, ...(span ? { range: toRange(file, span) } : {}) };
}
