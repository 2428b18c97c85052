// The workspace metrics laid out by property, for rules that scan every metric.
//
// At 10,000 metrics a scan is bound by memory, not by work: finding a property
// walks ~15 property nodes, two heap objects each, and every rule that looked
// one up per metric paid that again. The table walks every metric's properties
// once and keeps, per property name, one slot per metric (a column), so a rule
// reads `column[i]` for metric `i` instead of searching. The walk itself
// happens per file right after parsing (`fileFacts` in workspace/validate.ts,
// while the AST is in the CPU's cache); the table gathers those columns.
//
// The table is built once per program (`program.memo`).
import type { Expr, Property } from "../../ast/nodes.js";
import type { MetricModel, Program } from "../../workspace/program.js";
import type { SourceFile } from "../../syntax/source.js";
import { findProperty, namesIn, nameOf, phraseOf, phrases, wordOf, wordsOf } from "../../workspace/values.js";

/** A column: one slot per metric, in `MetricTable.metrics` order. */
export type Column<T> = ReadonlyArray<T | undefined>;

/** The workspace metrics of a program, with per-property columns computed once and shared by every rule. */
export interface MetricTable {
  /** `program.metrics` in order: slot `i` of every column is about `metrics[i]`. */
  readonly metrics: readonly MetricModel[];
  /** Each file with the table slot of each of its metric declarations (-1: not the first of its id). */
  readonly fileSlots: ReadonlyArray<{ readonly file: SourceFile; readonly slots: readonly number[] }>;
  /** The slot of a workspace metric by id (`program.metric`), or undefined. */
  slotOf(id: string): number | undefined;
  /** The slot of a workspace metric. */
  slot(m: MetricModel): number;
  /** Each metric's property: its own, else its catalog entry's (`MetricModel.prop`). */
  prop(name: string): Column<Property>;
  /** Each metric's own property (`MetricModel.own`). */
  own(name: string): Column<Property>;
  /** Each metric's single word of a property (`MetricModel.word`). */
  word(name: string): Column<string>;
  /** Each metric's words of a property, single or list (`MetricModel.words`). */
  words(name: string): ReadonlyArray<readonly string[]>;
  /** The slots of the metrics each metric lists in its own `inputs` and that resolve, in order (`MetricModel.inputs`). */
  inputs(): ReadonlyArray<readonly number[]>;
  /** Each metric's formula that counts (`MetricModel.formula`). */
  formula(): Column<Expr>;
}

/** Each metric's title, own else its catalog entry's (`titleOf`), by table slot (gathered from the files' facts, once per program). */
export function metricTitles(program: Program): Column<string> {
  return program.memo("metric-titles", () => {
    const t = metricTable(program);
    const out = new Array<string | undefined>(t.metrics.length);
    for (const { file, slots } of t.fileSlots) {
      const titles = program.facts(file).metricTitles;
      for (let j = 0; j < slots.length; j++) if (slots[j]! >= 0) out[slots[j]!] = titles[j];
    }
    for (let i = 0; i < out.length; i++) out[i] ??= t.metrics[i]!.entry?.title?.value;
    return out;
  });
}

/** The metric table of a program (built on first use). */
export function metricTable(program: Program): MetricTable {
  return program.memo("metric-table", () => buildTable(program));
}

function buildTable(program: Program): MetricTable {
  const metrics = [...program.metrics.values()];
  const n = metrics.length;
  // The own properties come from each file's columns (validate.ts: built right
  // after parsing, the only direct walk of `properties`). Slots follow `program.metrics`: the first metric of each
  // id, in file order, which is the order of the files' metric lists.
  const ownCols = new Map<string, Array<Property | undefined>>();
  const ownWords = new Map<string, Array<string | undefined>>();
  const withEntry: number[] = [];
  for (let i = 0; i < n; i++) if (metrics[i]!.entry) withEntry.push(i);
  /** Copies a file's column into the table's slots. */
  const gather = <T>(into: Map<string, Array<T | undefined>>, name: string, from: ReadonlyArray<T | undefined>, local: readonly number[]): void => {
    let col = into.get(name);
    if (!col) into.set(name, (col = new Array<T | undefined>(n)));
    for (let j = 0; j < from.length; j++) {
      const v = from[j];
      if (v !== undefined && local[j]! >= 0) col[local[j]!] = v;
    }
  };
  let slot = 0;
  const fileSlots: Array<{ file: SourceFile; slots: number[] }> = [];
  for (const file of program.files) {
    const facts = program.facts(file);
    const local: number[] = [];
    for (const d of facts.metrics) local.push(program.metricOf(d) ? slot++ : -1);
    fileSlots.push({ file, slots: local });
    for (const [name, from] of facts.metricColumns) gather(ownCols, name, from, local);
    for (const [name, from] of facts.metricWords) gather(ownWords, name, from, local);
  }
  const empty: Column<never> = new Array<undefined>(n);
  const merged = new Map<string, Column<Property>>();
  const wordCols = new Map<string, Column<string>>();
  const wordListCols = new Map<string, ReadonlyArray<readonly string[]>>();
  let slots: Map<string, number> | undefined;
  let inputCol: ReadonlyArray<readonly number[]> | undefined;
  let formulaCol: Column<Expr> | undefined;
  const entryProp = (i: number, name: string): Property | undefined => findProperty(metrics[i]!.entry!.properties, name);

  const table: MetricTable = {
    metrics,
    slotOf(id) {
      if (!slots) {
        slots = new Map();
        let i = 0;
        for (const key of program.metrics.keys()) slots.set(key, i++);
      }
      return slots.get(id);
    },
    slot(m) {
      return table.slotOf(m.id)!;
    },
    own(name) {
      return ownCols.get(name) ?? empty;
    },
    prop(name) {
      let col = merged.get(name);
      if (col) return col;
      const own = ownCols.get(name);
      if (withEntry.length === 0) col = own ?? empty;
      else {
        // Catalog entries fill the slots their metrics leave empty.
        const filled = own ? own.slice() : new Array<Property | undefined>(n);
        for (const i of withEntry) filled[i] ??= entryProp(i, name);
        col = filled;
      }
      merged.set(name, col);
      return col;
    },
    word(name) {
      let col = wordCols.get(name);
      if (!col) {
        // The files' word columns, and the catalog entry's word where the metric has no such property of its own.
        const own = ownCols.get(name);
        const words = ownWords.get(name);
        if (withEntry.length === 0) col = words ?? empty;
        else {
          const out = words ? words.slice() : new Array<string | undefined>(n);
          for (const i of withEntry) if (own?.[i] === undefined) out[i] = wordOf(entryProp(i, name));
          col = out;
        }
        wordCols.set(name, col);
      }
      return col;
    },
    fileSlots,
    words(name) {
      const props = table.prop(name);
      let col = wordListCols.get(name);
      if (!col) {
        const none: readonly string[] = [];
        const out = new Array<readonly string[]>(n);
        for (let i = 0; i < n; i++) out[i] = props[i] ? wordsOf(props[i]) : none;
        wordListCols.set(name, (col = out));
      }
      return col;
    },
    inputs() {
      const own = table.own("inputs");
      if (inputCol) return inputCol;
      const none: readonly number[] = [];
      const out = new Array<readonly number[]>(n);
      for (let i = 0; i < n; i++) {
        const q = own[i];
        if (!q) {
          out[i] = none;
          continue;
        }
        const list: number[] = [];
        for (const ph of phrases(q.value)) {
          const name = nameOf(ph)?.name;
          const j = name === undefined ? undefined : table.slotOf(name);
          if (j !== undefined) list.push(j);
        }
        out[i] = list;
      }
      return (inputCol = out);
    },
    formula() {
      const own = table.own("formula");
      if (formulaCol) return formulaCol;
      const out = new Array<Expr | undefined>(n);
      for (let i = 0; i < n; i++) {
        const expr = phraseOf(own[i])?.expr;
        if (expr) out[i] = expr;
      }
      // An inherited formula counts when every name in it is a workspace metric.
      for (const i of withEntry) {
        if (out[i]) continue;
        const inherited = phraseOf(entryProp(i, "formula"))?.expr;
        if (inherited && namesIn(inherited).every((x) => table.slotOf(x.name) !== undefined)) out[i] = inherited;
      }
      return (formulaCol = out);
    },
  };
  return table;
}
