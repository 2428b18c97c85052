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
      if (title) note(i, title);
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
