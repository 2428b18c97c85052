import type { MetricModel } from "../../workspace/program.js";
import { asLiteral, phraseOf, phrases } from "../../workspace/values.js";
import { titleOf } from "../helpers/words.js";
import { defineRule } from "../rule.js";

/** A name as compared: case-insensitive, spaces collapsed. */
function keyOf(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  // Collapsing is rare: test cheaply before running a regex over every name.
  const messy = n > 0 && (lower.charCodeAt(0) <= 32 || lower.charCodeAt(n - 1) <= 32 || lower.includes("  ") || lower.includes("\t") || lower.includes("\n") || lower.includes("\r"));
  return messy ? lower.trim().replace(/\s+/g, " ") : lower;
}

/** The display name and aliases of a metric (catalog entry merged), each once by key, in that order. */
function namesOf(m: MetricModel): Array<{ key: string; name: string }> {
  const out: Array<{ key: string; name: string }> = [];
  const add = (name: string): void => {
    const key = keyOf(name);
    if (key !== "" && !out.some((e) => e.key === key)) out.push({ key, name });
  };
  const title = titleOf(m);
  if (title) add(title);
  for (const ph of phrases(m.prop("aliases")?.value)) {
    const lit = asLiteral(ph.expr);
    if (lit?.type === "string") add(lit.value);
  }
  return out;
}

/** What a metric means: its definition and formula (catalog entry merged), normalised for whitespace (and case, for the definition). */
function meaningOf(m: MetricModel, catalogText: string): { definition: string; formula: string } {
  const expr = phraseOf(m.prop("formula"))?.expr;
  const text = expr ? (m.own("formula") ? m.file.text : catalogText).slice(expr.span.start, expr.span.end) : "";
  return { definition: keyOf(m.definition ?? ""), formula: text.replace(/\s+/g, "") };
}

/** A metric under one of its names, with its interned meaning. */
interface Named {
  readonly m: MetricModel;
  readonly name: string;
  readonly meaning: number;
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
    const byKey = new Map<string, Array<{ m: MetricModel; name: string }>>();
    const namesByMetric = new Map<MetricModel, Array<{ key: string; name: string }>>();
    for (const m of p.metrics.values()) {
      const names = namesOf(m);
      if (names.length === 0) continue;
      namesByMetric.set(m, names);
      for (const { key, name } of names) {
        const list = byKey.get(key);
        if (list) list.push({ m, name });
        else byKey.set(key, [{ m, name }]);
      }
    }
    // Meanings are read only for metrics that share a name, interned as numbers (equal meanings, equal numbers).
    const meanings = new Map<string, number>();
    const parts: Array<{ definition: string; formula: string }> = [];
    const meaningOfMetric = new Map<MetricModel, number>();
    const meaning = (m: MetricModel): number => {
      let id = meaningOfMetric.get(m);
      if (id !== undefined) return id;
      const mean = meaningOf(m, p.catalogFile.text);
      const sig = `${mean.definition}\u0000${mean.formula}`;
      id = meanings.get(sig);
      if (id === undefined) {
        id = parts.length;
        meanings.set(sig, id);
        parts.push(mean);
      }
      meaningOfMetric.set(m, id);
      return id;
    };
    // For each shared name, the first metric of each of the first two meanings: enough to find a differing partner in O(1).
    const reps = new Map<string, readonly [Named, Named]>();
    for (const [key, list] of byKey) {
      if (list.length < 2) continue;
      const first = { ...list[0]!, meaning: meaning(list[0]!.m) };
      const found = list.find((e) => meaning(e.m) !== first.meaning);
      if (found) reps.set(key, [first, { ...found, meaning: meaning(found.m) }]);
    }
    if (reps.size === 0) return;
    for (const [m, names] of namesByMetric) {
      for (const { key, name } of names) {
        const pair = reps.get(key);
        if (!pair) continue;
        const mine = meaning(m);
        const other = pair[0].meaning !== mine ? pair[0] : pair[1];
        const a = parts[mine]!;
        const b = parts[other.meaning]!;
        const what = [...(a.definition !== b.definition ? ["`definition`"] : []), ...(a.formula !== b.formula ? ["`formula`"] : [])];
        ctx.report({
          decl: m.decl,
          messageId: "conflict",
          data: { metric: m.id, other: other.m.id, name, what: what.join(" and ") },
          related: [{ file: other.m.file, span: other.m.decl.id!.span, message: `metric \`${other.m.id}\` is called "${other.name}" too` }],
        });
        break;
      }
    }
  },
});
