import type { Property } from "../../ast/nodes.js";
import type { MetricModel } from "../../workspace/program.js";
import { asLiteral, phraseOf, phrases, stringOf } from "../../workspace/values.js";
import { metricTable, metricTitles, type Column, type MetricTable } from "../helpers/metric-table.js";
import { defineRule, type RuleContext } from "../rule.js";

/** A name as compared: case-insensitive, spaces collapsed. */
export function keyOf(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  // Collapsing is rare: test cheaply before running a regex over every name.
  const messy = n > 0 && (lower.charCodeAt(0) <= 32 || lower.charCodeAt(n - 1) <= 32 || lower.includes("  ") || lower.includes("\t") || lower.includes("\n") || lower.includes("\r"));
  return messy ? lower.trim().replace(/\s+/g, " ") : lower;
}

/**
 * A hash of `keyOf(name)` computed from the characters, without building the
 * key: ASCII letters folded, blank runs as one space, ends trimmed. Null when
 * the name has a non-ASCII character (its key is built instead). Names whose
 * hash no other name shares cannot share a key, so most names never get one.
 */
export function keyHash(name: string): number | null {
  let h = 0;
  let pendingSpace = false;
  let started = false;
  for (let i = 0; i < name.length; i++) {
    let c = name.charCodeAt(i);
    if (c >= 128) return null;
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 11 || c === 12) {
      pendingSpace = started;
      continue;
    }
    if (pendingSpace) {
      h = (Math.imul(h, 31) + 32) | 0;
      pendingSpace = false;
    }
    started = true;
    if (c >= 65 && c <= 90) c += 32;
    h = (Math.imul(h, 31) + c) | 0;
  }
  return started ? h : null;
}

/** What a metric means: its definition and formula (catalog entry merged), normalised for whitespace (and case, for the definition). */
function meaningOf(m: MetricModel, definition: Property | undefined, formula: Property | undefined, ownFormula: Property | undefined, catalogText: string): { definition: string; formula: string } {
  const expr = phraseOf(formula)?.expr;
  const text = expr ? (ownFormula ? m.file.text : catalogText).slice(expr.span.start, expr.span.end) : "";
  return { definition: keyOf(stringOf(definition) ?? ""), formula: text.replace(/\s+/g, "") };
}

/** A metric under one of its names, with its interned meaning. */
interface Named {
  readonly m: MetricModel;
  readonly name: string;
  readonly meaning: number;
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
function nearConflicts(ctx: RuleContext, t: MetricTable, titles: Column<string>, catalogText: string): void {
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
        "metric `{{metric}}` and metric `{{other}}` are both called \"{{name}}\" but differ in {{what}}; two meanings of one name are how marketing and sales numbers stop agreeing — agree on one definition and keep one metric, or give them distinct names and aliases",
      nearConflict:
        "metric `{{metric}}` (\"{{name}}\") and metric `{{other}}` (\"{{otherName}}\") have near-identical names but differ in {{what}}; readers will take one for the other — agree on one definition and keep one metric, or name them so the difference shows",
    },
  },
  check(ctx) {
    const p = ctx.program;
    const t = metricTable(p);
    const aliases = t.prop("aliases");
    // Every (metric, name) pair whose key may be shared, flat and in order: the
    // display name, then the aliases. A first pass hashes every name without
    // building its key; only names whose hash recurs (or that are not ASCII)
    // get a key (most names are unique).
    const names: string[] = [];
    const owners: number[] = [];
    const hashes: Array<number | null> = [];
    const seen = new Map<number, number>();
    const note = (i: number, name: string): void => {
      const h = keyHash(name);
      names.push(name);
      owners.push(i);
      hashes.push(h);
      if (h !== null) seen.set(h, (seen.get(h) ?? 0) + 1);
    };
    const titles = metricTitles(p);
    for (let i = 0; i < t.metrics.length; i++) {
      const title = titles[i];
      if (title) {
        note(i, title);
        // "Qualified leads (aka trial starts)": the name outside the parentheses and the one inside are aliases
        for (const part of titleAliases(title)) note(i, part);
      }
      const a = aliases[i];
      if (a) {
        for (const ph of phrases(a.value)) {
          const lit = asLiteral(ph.expr);
          if (lit?.type === "string") note(i, lit.value);
        }
      }
    }
    const pairMetric: number[] = [];
    const pairKey: string[] = [];
    const pairName: string[] = [];
    // A key set that does not grow has seen the key before: one hash operation per name.
    const keys = new Set<string>();
    const sharedKeys = new Set<string>();
    // Each key once per metric: a metric's pairs start at firstPair.
    let firstPair = 0;
    let firstOwner = -1;
    for (let n = 0; n < names.length; n++) {
      const h = hashes[n]!;
      if (h !== null && seen.get(h)! < 2) continue;
      const i = owners[n]!;
      if (i !== firstOwner) {
        firstOwner = i;
        firstPair = pairKey.length;
      }
      const key = keyOf(names[n]!);
      if (key === "" || pairKey.indexOf(key, firstPair) >= 0) continue;
      pairMetric.push(i);
      pairKey.push(key);
      pairName.push(names[n]!);
      const size = keys.size;
      if (keys.add(key).size === size) sharedKeys.add(key);
    }
    nearConflicts(ctx, t, titles, p.catalogFile.text);
    if (sharedKeys.size === 0) return;
    // The pairs of each shared key, in order.
    const shared = new Map<string, number[]>();
    for (let k = 0; k < pairKey.length; k++) {
      const key = pairKey[k]!;
      if (!sharedKeys.has(key)) continue;
      const list = shared.get(key);
      if (list) list.push(k);
      else shared.set(key, [k]);
    }
    // Meanings are read only for metrics that share a name, interned as numbers (equal meanings, equal numbers).
    const definitions = t.prop("definition");
    const formulas = t.prop("formula");
    const ownFormulas = t.own("formula");
    const meanings = new Map<string, number>();
    const parts: Array<{ definition: string; formula: string }> = [];
    const meaningOfMetric = new Map<number, number>();
    const meaning = (i: number): number => {
      let id = meaningOfMetric.get(i);
      if (id !== undefined) return id;
      const mean = meaningOf(t.metrics[i]!, definitions[i], formulas[i], ownFormulas[i], p.catalogFile.text);
      const sig = `${mean.definition}\u0000${mean.formula}`;
      id = meanings.get(sig);
      if (id === undefined) {
        id = parts.length;
        meanings.set(sig, id);
        parts.push(mean);
      }
      meaningOfMetric.set(i, id);
      return id;
    };
    // For each shared name, the first pair of each of the first two meanings: enough to find a differing partner in O(1).
    const reps = new Map<string, readonly [Named, Named]>();
    for (const [key, list] of shared) {
      const named = (k: number): Named => ({ m: t.metrics[pairMetric[k]!]!, name: pairName[k]!, meaning: meaning(pairMetric[k]!) });
      const first = named(list[0]!);
      const found = list.find((k) => meaning(pairMetric[k]!) !== first.meaning);
      if (found !== undefined) reps.set(key, [first, named(found)]);
    }
    if (reps.size === 0) return;
    // One report per metric, on its first name that has a conflict.
    let reported = -1;
    for (let k = 0; k < pairKey.length; k++) {
      const i = pairMetric[k]!;
      if (i === reported) continue;
      const pair = reps.get(pairKey[k]!);
      if (!pair) continue;
      reported = i;
      const m = t.metrics[i]!;
      const mine = meaning(i);
      const other = pair[0].meaning !== mine ? pair[0] : pair[1];
      const a = parts[mine]!;
      const b = parts[other.meaning]!;
      const what = [...(a.definition !== b.definition ? ["`definition`"] : []), ...(a.formula !== b.formula ? ["`formula`"] : [])];
      ctx.report({
        decl: m.decl,
        messageId: "conflict",
        data: { metric: m.id, other: other.m.id, name: pairName[k]!, what: what.join(" and ") },
        related: [{ file: other.m.file, span: other.m.decl.id!.span, message: `metric \`${other.m.id}\` is called "${other.name}" too` }],
      });
    }
  },
});
