import type { Property } from "../../ast/nodes.js";
import type { MetricModel } from "../../workspace/metrics.js";
import { asLiteral, phraseOf, phrases, stringOf } from "../../workspace/values.js";
import { defineRule, type RuleContext } from "../rule.js";
import type { Column, MetricStore } from "../../workspace/metrics.js";

/** A name as compared: case-insensitive, spaces collapsed. */
export function keyOf(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  // Collapsing is rare: test cheaply before running a regex over every name.
  const messy =
    n > 0 && (lower.charCodeAt(0) <= 32 || lower.charCodeAt(n - 1) <= 32 || lower.includes("  ") || lower.includes("\t") || lower.includes("\n") || lower.includes("\r"));
  return messy ? lower.trim().replace(/\s+/g, " ") : lower;
}

/** What a metric means: its definition and formula (catalog entry merged), normalised for whitespace (and case, for the definition). */
function meaningOf(
  m: MetricModel,
  definition: Property | undefined,
  formula: Property | undefined,
  ownFormula: Property | undefined,
  catalogText: string,
): { definition: string; formula: string } {
  const expr = phraseOf(formula)?.expr;
  const text = expr ? (ownFormula ? m.file.text : catalogText).slice(expr.span.start, expr.span.end) : "";
  return { definition: keyOf(stringOf(definition) ?? ""), formula: text.replace(/\s+/g, "") };
}

/** A metric under one of its names. */
interface Named {
  readonly m: MetricModel;
  readonly name: string;
}

/**
 * The names a display name holds besides itself: `A (aka B)` and `A aka B`
 * give A and B; `A (B)` too when B reads as a name — two or more words, no
 * digits, not an "only" qualifier — so acronyms that variants share ("S1 …
 * (OCBA)", "S2 … (OCBA)") and qualifiers ("(US-Only)", "(Rolling 12
 * Months)") stay part of the name.
 */
export function titleAliases(title: string): string[] {
  if (!title.includes("(") && !/\baka\b/i.test(title)) return [];
  const out: string[] = [];
  const paren = /^(.*?)\(\s*(aka\s+)?([^()]*?)\s*\)\s*$/i.exec(title);
  if (paren) {
    const inside = paren[3]!.trim();
    const named = paren[2] !== undefined || (/\s/.test(inside) && !/\d/.test(inside) && !/\bonly\b/i.test(inside));
    if (!named) return [];
    if (paren[1]!.trim()) out.push(paren[1]!.trim());
    if (inside) out.push(inside);
    return out;
  }
  const aka = /^(.*?)\s+aka\s+(.*)$/i.exec(title);
  if (aka && aka[1]!.trim() && aka[2]!.trim()) out.push(aka[1]!.trim(), aka[2]!.trim());
  return out;
}

/** Words a name's meaning does not hang on ("qualified leads" and "leads" are one name to a reader). */
const FILLER: ReadonlySet<string> = new Set(["qualified", "total", "number", "of", "the", "a", "an", "count", "new", "all", "no"]);
/** Qualifiers one name may add to another and still be near-identical ("marketing qualified leads" beside "leads"). */
const QUALIFIERS: ReadonlySet<string> = new Set(["marketing", "sales"]);

/** A display name normalised for near-identity: an alias part (`titleAliases`) dropped, words lower-cased and singular, filler dropped, sorted. */
export function nearKey(title: string): { key: string; base: string; qualifiers: number } | undefined {
  // the alias part goes ("… (aka trial starts)"); other parentheses ("(0018)", "(OCBA)") are part of the name
  const aliases = titleAliases(title);
  const head = (aliases.length > 0 ? aliases[0]! : title).toLowerCase();
  const words = head
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "" && !FILLER.has(w))
    .map((w) => (w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w))
    .sort();
  if (words.length === 0) return undefined;
  const base = words.filter((w) => !QUALIFIERS.has(w));
  if (base.length === 0) return undefined;
  return { key: words.join(" "), base: base.join(" "), qualifiers: words.length - base.length };
}

/**
 * Metrics whose display names are near-identical (`nearKey`: equal, or one
 * adds a single qualifier such as "marketing") but whose names differ and
 * whose definitions or formulas differ: a warning on each but the first.
 * Linear in metrics (one map by base key; each metric is compared with the
 * first metric of its group that can be confused with it).
 */
function nearConflicts(ctx: RuleContext, t: MetricStore, titles: Column<string>, catalogText: string): void {
  const groups = new Map<string, Array<{ i: number; key: string; qualifiers: number }>>();
  for (let i = 0; i < t.metrics.length; i++) {
    const title = titles[i];
    const k = title ? nearKey(title) : undefined;
    if (!k || k.qualifiers > 1) continue;
    const list = groups.get(k.base);
    const entry = { i, key: k.key, qualifiers: k.qualifiers };
    if (list) list.push(entry);
    else groups.set(k.base, [entry]);
  }
  const definitions = t.prop("definition");
  const formulas = t.prop("formula");
  const ownFormulas = t.own("formula");
  for (const list of groups.values()) {
    if (list.length < 2) continue;
    const plain = list.find((e) => e.qualifiers === 0);
    const firstByKey = new Map<string, (typeof list)[number]>();
    for (const e of list) {
      // a metric is confused with the first of its own key, else with the first unqualified one
      const first = firstByKey.get(e.key);
      if (!first) firstByKey.set(e.key, e);
      const other = first ?? (e.qualifiers === 1 ? plain : undefined);
      if (!other || other.i === e.i) continue;
      const m = t.metrics[e.i]!;
      const o = t.metrics[other.i]!;
      const name = titles[e.i]!;
      const otherName = titles[other.i]!;
      if (keyOf(name) === keyOf(otherName)) continue; // same name: the exact check's finding
      const a = meaningOf(m, definitions[e.i], formulas[e.i], ownFormulas[e.i], catalogText);
      const b = meaningOf(o, definitions[other.i], formulas[other.i], ownFormulas[other.i], catalogText);
      const what = [...(a.definition !== b.definition ? ["`definition`"] : []), ...(a.formula !== b.formula ? ["`formula`"] : [])];
      if (what.length === 0) continue;
      ctx.report({
        decl: m.decl,
        messageId: "nearConflict",
        severity: "warning",
        data: { metric: m.id, other: o.id, name, otherName, what: what.join(" and ") },
        related: [{ file: o.file, span: o.decl.id!.span, message: `metric \`${o.id}\` is called "${otherName}"` }],
      });
    }
  }
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
        'metric `{{metric}}` and metric `{{other}}` are both called "{{name}}" but differ in {{what}}; two meanings of one name are how marketing and sales numbers stop agreeing — agree on one definition and keep one metric, or give them distinct names and aliases',
      nearConflict:
        'metric `{{metric}}` ("{{name}}") and metric `{{other}}` ("{{otherName}}") have near-identical names but differ in {{what}}; readers will take one for the other — agree on one definition and keep one metric, or name them so the difference shows',
    },
  },
  check(ctx) {
    const p = ctx.program;
    const t = p.store;
    const titles = p.store.titles();
    const aliases = t.prop("aliases");
    const definitions = t.prop("definition");
    const formulas = t.prop("formula");
    const ownFormulas = t.own("formula");
    // Every metric under each of its names (display name, then aliases), grouped by key; a metric once per key.
    const groups = new Map<string, Array<{ i: number; name: string }>>();
    const byMetric: Array<{ i: number; key: string; name: string }> = [];
    for (let i = 0; i < t.metrics.length; i++) {
      const names: string[] = [];
      if (titles[i]) {
        names.push(titles[i]!);
        // "Qualified leads (aka trial starts)": the name outside the parentheses and the one inside are aliases
        for (const part of titleAliases(titles[i]!)) names.push(part);
      }
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
    nearConflicts(ctx, t, titles, p.catalogFile.text);
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
