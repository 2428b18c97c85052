import type { MetricModel } from "../../workspace/program.js";
import { asLiteral, phraseOf, phrases } from "../../workspace/values.js";
import { titleOf } from "../helpers/words.js";
import { defineRule } from "../rule.js";

/** A name as compared: case-insensitive, spaces collapsed. */
function keyOf(name: string): string {
  return name.trim().replace(/\s+/g, " ").toLowerCase();
}

/** The display name and aliases of a metric (catalog entry merged), each once by key. */
function namesOf(m: MetricModel): Map<string, string> {
  const out = new Map<string, string>();
  const title = titleOf(m);
  if (title && keyOf(title) !== "") out.set(keyOf(title), title);
  for (const ph of phrases(m.prop("aliases")?.value)) {
    const lit = asLiteral(ph.expr);
    if (lit?.type === "string" && keyOf(lit.value) !== "" && !out.has(keyOf(lit.value))) out.set(keyOf(lit.value), lit.value);
  }
  return out;
}

/** What a metric means: its definition and formula (catalog entry merged), normalised for whitespace (and case, for the definition). */
function meaningOf(m: MetricModel, catalogText: string): { definition: string; formula: string } {
  const expr = phraseOf(m.prop("formula"))?.expr;
  const text = expr ? (m.own("formula") ? m.file.text : catalogText).slice(expr.span.start, expr.span.end) : "";
  return { definition: keyOf(m.definition ?? ""), formula: text.replace(/\s+/g, "") };
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
    const meaning = new Map<MetricModel, { definition: string; formula: string; sig: string }>();
    const byKey = new Map<string, Array<{ m: MetricModel; name: string }>>();
    const namesByMetric = new Map<MetricModel, Map<string, string>>();
    for (const m of p.metrics.values()) {
      const names = namesOf(m);
      if (names.size === 0) continue;
      namesByMetric.set(m, names);
      const mean = meaningOf(m, p.catalogFile.text);
      meaning.set(m, { ...mean, sig: `${mean.definition}\u0000${mean.formula}` });
      for (const [key, name] of names) {
        const list = byKey.get(key);
        if (list) list.push({ m, name });
        else byKey.set(key, [{ m, name }]);
      }
    }
    // For each name, the first metric of each of the first two meanings: enough to find a differing partner in O(1).
    const reps = new Map<string, Array<{ m: MetricModel; name: string }>>();
    for (const [key, list] of byKey) {
      const firsts: Array<{ m: MetricModel; name: string }> = [];
      for (const e of list) {
        if (firsts.length === 2) break;
        if (!firsts.some((f) => meaning.get(f.m)!.sig === meaning.get(e.m)!.sig)) firsts.push(e);
      }
      if (firsts.length === 2) reps.set(key, firsts);
    }
    for (const [m, names] of namesByMetric) {
      const mine = meaning.get(m)!;
      for (const [key, name] of names) {
        const firsts = reps.get(key);
        if (!firsts) continue;
        const other = firsts.find((f) => meaning.get(f.m)!.sig !== mine.sig)!;
        const theirs = meaning.get(other.m)!;
        const parts = [...(theirs.definition !== mine.definition ? ["`definition`"] : []), ...(theirs.formula !== mine.formula ? ["`formula`"] : [])];
        ctx.report({
          decl: m.decl,
          messageId: "conflict",
          data: { metric: m.id, other: other.m.id, name, what: parts.join(" and ") },
          related: [{ file: other.m.file, span: other.m.decl.id!.span, message: `metric \`${other.m.id}\` is called "${other.name}" too` }],
        });
        break;
      }
    }
  },
});
