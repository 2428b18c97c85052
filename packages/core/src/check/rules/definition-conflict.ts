import type { Property } from "../../ast/nodes.js";
import type { MetricModel } from "../../workspace/program.js";
import { asLiteral, phraseOf, phrases, stringOf } from "../../workspace/values.js";
import { metricTable, metricTitles } from "../helpers/metric-table.js";
import { defineRule } from "../rule.js";

/** A name as compared: case-insensitive, spaces collapsed. */
export function keyOf(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  // Collapsing is rare: test cheaply before running a regex over every name.
  const messy = n > 0 && (lower.charCodeAt(0) <= 32 || lower.charCodeAt(n - 1) <= 32 || lower.includes("  ") || lower.includes("\t") || lower.includes("\n") || lower.includes("\r"));
  return messy ? lower.trim().replace(/\s+/g, " ") : lower;
}

/** What a metric means: its definition and formula (catalog entry merged), normalised for whitespace (and case, for the definition). */
function meaningOf(m: MetricModel, definition: Property | undefined, formula: Property | undefined, ownFormula: Property | undefined, catalogText: string): { definition: string; formula: string } {
  const expr = phraseOf(formula)?.expr;
  const text = expr ? (ownFormula ? m.file.text : catalogText).slice(expr.span.start, expr.span.end) : "";
  return { definition: keyOf(stringOf(definition) ?? ""), formula: text.replace(/\s+/g, "") };
}

/** A metric under one of its names. */
interface Named {
  readonly m: MetricModel;
  readonly name: string;
}

/** `definition-conflict`: two metrics go by one name but mean different things (F7). */
export default defineRule({
  id: "definition-conflict",
  meta: {
    severity: "error",
    seed: "F7",
    description: "two workspace metrics share a display name or alias (case-insensitive) but differ in `definition` or `formula`",
    messages: {
      conflict:
        "metric `{{metric}}` and metric `{{other}}` are both called \"{{name}}\" but differ in {{what}}; two meanings of one name are how marketing and sales numbers stop agreeing — agree on one definition and keep one metric, or give them distinct names and aliases",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const t = metricTable(p);
    const titles = metricTitles(p);
    const aliases = t.prop("aliases");
    const definitions = t.prop("definition");
    const formulas = t.prop("formula");
    const ownFormulas = t.own("formula");
    // Every metric under each of its names (display name, then aliases), grouped by key; a metric once per key.
    const groups = new Map<string, Array<{ i: number; name: string }>>();
    const byMetric: Array<{ i: number; key: string; name: string }> = [];
    for (let i = 0; i < t.metrics.length; i++) {
      const names: string[] = [];
      if (titles[i]) names.push(titles[i]!);
      for (const ph of aliases[i] ? phrases(aliases[i]!.value) : []) {
        const lit = asLiteral(ph.expr);
        if (lit?.type === "string") names.push(lit.value);
      }
      const mine = new Set<string>();
      for (const name of names) {
        const key = keyOf(name);
        if (key === "" || mine.has(key)) continue;
        mine.add(key);
        const group = groups.get(key);
        if (group) group.push({ i, name });
        else groups.set(key, [{ i, name }]);
        byMetric.push({ i, key, name });
      }
    }
    // What a metric means, read only for metrics that share a name.
    const meanings = new Map<number, { definition: string; formula: string; sig: string }>();
    const meaning = (i: number): { definition: string; formula: string; sig: string } => {
      let mean = meanings.get(i);
      if (!mean) {
        const m = meaningOf(t.metrics[i]!, definitions[i], formulas[i], ownFormulas[i], p.catalogFile.text);
        meanings.set(i, (mean = { ...m, sig: `${m.definition}\u0000${m.formula}` }));
      }
      return mean;
    };
    // For each shared name, its first metric and the first that means something else: a metric's partner is whichever of the two differs from it (linear in names).
    const partners = new Map<string, { first: { i: number; name: string }; other: { i: number; name: string } | undefined }>();
    const partnersOf = (key: string, group: Array<{ i: number; name: string }>) => {
      let found = partners.get(key);
      if (!found) {
        const first = group[0]!;
        const sig = meaning(first.i).sig;
        partners.set(key, (found = { first, other: group.find((g) => meaning(g.i).sig !== sig) }));
      }
      return found;
    };
    // One report per metric, on its first name shared with a metric that means something else.
    let reported = -1;
    for (const { i, key, name } of byMetric) {
      if (i === reported) continue;
      const group = groups.get(key)!;
      if (group.length < 2) continue;
      const mine = meaning(i);
      const pair = partnersOf(key, group);
      if (!pair.other) continue;
      const other = meaning(pair.first.i).sig !== mine.sig ? pair.first : pair.other;
      reported = i;
      const m = t.metrics[i]!;
      const o: Named = { m: t.metrics[other.i]!, name: other.name };
      const theirs = meaning(other.i);
      const what = [...(mine.definition !== theirs.definition ? ["`definition`"] : []), ...(mine.formula !== theirs.formula ? ["`formula`"] : [])];
      ctx.report({
        decl: m.decl,
        messageId: "conflict",
        data: { metric: m.id, other: o.m.id, name, what: what.join(" and ") },
        related: [{ file: o.m.file, span: o.m.decl.id!.span, message: `metric \`${o.m.id}\` is called "${o.name}" too` }],
      });
    }
  },
});
