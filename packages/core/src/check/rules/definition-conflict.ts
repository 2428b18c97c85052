import { asLiteral, phraseOf, phrases, stringOf } from "../../workspace/values.js";
import { divisionOf } from "../../model/formula.js";
import { isLetterOrDigit } from "../../util/letters.js";
import { defineRule } from "../rule.js";

/** A name as compared: case-insensitive, spaces collapsed. */
export function keyOf(name: string): string {
  const lower = name.toLowerCase();
  const n = lower.length;
  // Collapsing is rare: test cheaply before running a regex over every name.
  const messy =
    n > 0 && (lower.charCodeAt(0) <= 32 || lower.charCodeAt(n - 1) <= 32 || lower.includes("  ") || lower.includes("\t") || lower.includes("\n") || lower.includes("\r"));
  return messy ? lower.trim().replace(/\s+/g, " ") : lower;
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

/**
 * Words a name's meaning does not hang on ("qualified leads" and "leads" are one name to a reader), as compared
 * (singular): "signup" is "new" said as an event ("new org signups" and "new orgs" count the same orgs).
 */
const FILLER: ReadonlySet<string> = new Set(["qualified", "total", "number", "of", "the", "a", "an", "count", "new", "all", "no", "signup"]);
/**
 * Qualifiers one name may add to another and still be near-identical ("marketing qualified leads" beside "leads"),
 * as compared: after a word is made singular, so "sales" is "sale".
 */
const QUALIFIERS: ReadonlySet<string> = new Set(["marketing", "sale"]);

/** The words of a lower-cased name: its runs of letters and digits (`[\p{L}\p{N}]+`), scanned without a regex over ASCII. */
function wordsIn(lower: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let k = 0; k <= lower.length; ) {
    const cp = k < lower.length ? lower.codePointAt(k)! : 32;
    const width = cp > 0xffff ? 2 : 1;
    const inWord = isLetterOrDigit(cp);
    if (inWord) {
      if (start < 0) start = k;
    } else if (start >= 0) {
      out.push(lower.slice(start, k));
      start = -1;
    }
    k += width;
  }
  return out;
}

/** A display name normalised for near-identity: an alias part (`titleAliases`) dropped, words lower-cased and singular, filler dropped, sorted. */
export function nearKey(title: string, aliases: readonly string[] = titleAliases(title)): { key: string; base: string; qualifiers: number } | undefined {
  // the alias part goes ("… (aka trial starts)"); other parentheses ("(0018)", "(OCBA)") are part of the name
  const words: string[] = [];
  let qualifiers = 0;
  for (const w of wordsIn((aliases.length > 0 ? aliases[0]! : title).toLowerCase())) {
    const word = w.length > 3 && w.endsWith("s") && !w.endsWith("ss") ? w.slice(0, -1) : w;
    if (FILLER.has(w) || FILLER.has(word)) continue;
    words.push(word);
    if (QUALIFIERS.has(word)) qualifiers++;
  }
  if (words.length === qualifiers) return undefined;
  words.sort();
  const key = words.join(" ");
  return { key, base: qualifiers === 0 ? key : words.filter((w) => !QUALIFIERS.has(w)).join(" "), qualifiers };
}

/** What a metric means: its definition and formula (catalog entry merged), normalised for whitespace (and case, for the definition). */
interface Meaning {
  readonly definition: string;
  readonly formula: string;
  /** Both, as one string to compare. */
  readonly sig: string;
}

/** The properties two meanings differ in, for the message (empty: they agree). */
function differences(a: Meaning, b: Meaning): string {
  return [...(a.definition !== b.definition ? ["`definition`"] : []), ...(a.formula !== b.formula ? ["`formula`"] : [])].join(" and ");
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
    const s = p.store;
    const titles = s.titles();
    const aliases = s.prop("aliases");
    const definitions = s.prop("definition");
    const formulas = s.prop("formula");
    const ownFormulas = s.own("formula");
    // Each metric under each of its names (the title, the parts of an `A (aka B)` title, then `aliases`), grouped by
    // normalised name (`keyOf`), a metric once per name; and each title under its near-identity key (`nearKey`).
    const named: Named[] = [];
    const byName = new Map<string, Named | Named[]>();
    const byNearKey = new Map<string, Near | Near[]>();
    for (let i = 0; i < s.metrics.length; i++) {
      const title = titles[i];
      const parts = title ? titleAliases(title) : [];
      const names = title ? [title, ...parts] : [];
      for (const ph of aliases[i] ? phrases(aliases[i]!.value) : []) {
        const lit = asLiteral(ph.expr);
        if (lit?.type === "string") names.push(lit.value);
      }
      const mine = named.length;
      for (const name of names) {
        const key = keyOf(name);
        if (key === "" || hasKey(named, mine, key)) continue;
        const entry = { i, key, name };
        named.push(entry);
        group(byName, key, entry);
      }
      const near = title ? nearKey(title, parts) : undefined;
      if (near && near.qualifiers <= 1) group(byNearKey, near.base, { i, key: near.key, qualifiers: near.qualifiers });
    }
    // What a metric means, read only for metrics that share a name.
    const meanings = new Map<number, Meaning>();
    const meaning = (i: number): Meaning => {
      let mean = meanings.get(i);
      if (!mean) {
        const expr = phraseOf(formulas[i])?.expr;
        const text = expr ? (ownFormulas[i] ? s.metrics[i]!.file.text : p.catalogFile.text).slice(expr.span.start, expr.span.end) : "";
        const definition = keyOf(stringOf(definitions[i]) ?? "");
        const formula = text.replace(/\s+/g, "");
        meanings.set(i, (mean = { definition, formula, sig: `${definition}\u0000${formula}` }));
      }
      return mean;
    };

    // Metrics a workspace formula divides one by the other (`qualified_leads / leads`): two funnel stages the
    // workspace measures the rate between, which no reader takes for one another.
    const stages = new Set<string>();
    for (const m of s.metrics) {
      const d = divisionOf(m.formula);
      if (d?.numerator.type !== "name" || d.denominator.type !== "name") continue;
      stages.add(`${d.numerator.name}\u0000${d.denominator.name}`);
      stages.add(`${d.denominator.name}\u0000${d.numerator.name}`);
    }

    // Near-identical titles ("Qualified leads", "Leads", "Marketing qualified leads") that are not one name and mean
    // different things: a warning on each but the first, against the first of its key, else the first unqualified one.
    for (const list of byNearKey.values()) {
      if (!Array.isArray(list)) continue;
      const plain = list.find((e) => e.qualifiers === 0);
      const firstOfKey = new Map<string, Near>();
      for (const e of list) {
        const first = firstOfKey.get(e.key);
        if (!first) firstOfKey.set(e.key, e);
        const other = first ?? (e.qualifiers === 1 ? plain : undefined);
        if (!other || other.i === e.i) continue;
        const name = titles[e.i]!;
        const otherName = titles[other.i]!;
        if (keyOf(name) === keyOf(otherName)) continue; // one name: the exact check's finding
        const m = s.metrics[e.i]!;
        const o = s.metrics[other.i]!;
        if (stages.has(`${m.id}\u0000${o.id}`)) continue;
        const what = differences(meaning(e.i), meaning(other.i));
        if (what === "") continue;
        ctx.report({
          decl: m.decl,
          messageId: "nearConflict",
          severity: "warning",
          data: { metric: m.id, other: o.id, name, otherName, what },
          related: [{ file: o.file, span: o.decl.id!.span, message: `metric \`${o.id}\` is called "${otherName}"` }],
        });
      }
    }

    // One name, two meanings: each metric is reported once, on its first name whose group holds a metric that means
    // something else. Its partner is the group's first metric if that one means something else, else the group's first
    // metric that differs from the first (found once per name: linear in names).
    const differing = new Map<string, Named | null>();
    let reported = -1;
    for (const { i, key, name } of named) {
      const names = byName.get(key)!;
      if (i === reported || !Array.isArray(names)) continue;
      const head = names[0]!;
      let other = differing.get(key);
      if (other === undefined) differing.set(key, (other = names.find((g) => meaning(g.i).sig !== meaning(head.i).sig) ?? null));
      if (!other) continue;
      const partner = meaning(head.i).sig !== meaning(i).sig ? head : other;
      reported = i;
      const m = s.metrics[i]!;
      const o = s.metrics[partner.i]!;
      ctx.report({
        decl: m.decl,
        messageId: "conflict",
        data: { metric: m.id, other: o.id, name, what: differences(meaning(i), meaning(partner.i)) },
        related: [{ file: o.file, span: o.decl.id!.span, message: `metric \`${o.id}\` is called "${partner.name}" too` }],
      });
    }
  },
});

/** True when `named` holds `key` from index `from` on (a metric's names are few). */
function hasKey(named: ReadonlyArray<{ readonly key: string }>, from: number, key: string): boolean {
  for (let k = from; k < named.length; k++) if (named[k]!.key === key) return true;
  return false;
}

/** A metric under one of its names (`keyOf` of it as `key`). */
interface Named {
  readonly i: number;
  readonly key: string;
  readonly name: string;
}

/** A metric's title under its near-identity key (`nearKey`). */
interface Near {
  readonly i: number;
  readonly key: string;
  readonly qualifiers: number;
}

/** Adds a value under a key: the value alone while it is the only one (most names are unique: no list for them), a list from the second on. */
function group<V extends object>(map: Map<string, V | V[]>, key: string, value: V): void {
  const g = map.get(key);
  if (g === undefined) map.set(key, value);
  else if (Array.isArray(g)) g.push(value);
  else map.set(key, [g, value]);
}
