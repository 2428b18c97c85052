// The one model of a workspace metric: a store of the program's metrics laid
// out by property, and `MetricModel`, a view of one slot of it.
//
// At 10,000 metrics a scan is bound by memory, not by work: finding a property
// walks ~15 property nodes, two heap objects each, and every rule that looked
// one up per metric paid that again. So the store keeps, per property name,
// one slot per metric (a column), and a rule reads `column[i]` for metric `i`
// instead of searching. The walk of each metric's own properties happens per
// file right after parsing (`fileFacts` in workspace/validate.ts, while the AST
// is in the CPU's cache); the store gathers those file columns into program
// columns, each on first use and once per program. `MetricModel`'s accessors
// read the same columns, so "own first, then the catalog entry's", the
// inherited-formula rule and the word/words logic are written here only.
import type { Declaration, Expr, Property } from "../ast/nodes.js";
import type { SourceFile } from "../syntax/source.js";
import { catalogEntryOf } from "./required.js";
import type { FileFacts } from "./validate.js";
import { boolOf, findProperty, namesIn, nameOf, phraseOf, phrases, stringOf, wordOf, wordsOf } from "./values.js";

/** A column: one slot per metric, in `MetricStore.metrics` order. */
export type Column<T> = ReadonlyArray<T | undefined>;

/** A workspace metric (the first declaration of its id) with its catalog entry merged: own properties win. */
export class MetricModel {
  constructor(
    readonly decl: Declaration,
    readonly file: SourceFile,
    readonly entry: Declaration | null,
    /** Its slot in every column of the store. */
    readonly slot: number,
    private readonly store: MetricStore,
  ) {}

  /** The metric's id. */
  get id(): string {
    return this.decl.id!.name;
  }

  /** Its title: own, else the catalog entry's (never the id). */
  get title(): string | undefined {
    return this.store.titles()[this.slot];
  }

  /** Display name: the title, else the id. */
  get displayName(): string {
    return this.title ?? this.id;
  }

  /** A property, own first, then the catalog entry's. */
  prop(name: string): Property | undefined {
    return this.store.prop(name)[this.slot];
  }

  /** An own property only. */
  own(name: string): Property | undefined {
    return this.store.own(name)[this.slot];
  }

  /** The single word of a property. */
  word(name: string): string | undefined {
    return this.store.word(name)[this.slot];
  }

  /** The words of a property (single or list). */
  words(name: string): readonly string[] {
    return this.store.words(name)[this.slot]!;
  }

  get type(): "output" | "input" | undefined {
    const w = this.word("type");
    return w === "output" || w === "input" ? w : undefined;
  }

  get definition(): string | undefined {
    return stringOf(this.prop("definition"));
  }

  get vanityFlag(): boolean {
    return boolOf(this.prop("vanity")) === true;
  }

  get rateFlag(): boolean {
    return boolOf(this.prop("rate")) === true;
  }

  /** Input metrics listed in its own `inputs` that resolve, in order. */
  get inputs(): MetricModel[] {
    return this.store.inputs()[this.slot]!.map((j) => this.store.metrics[j]!);
  }

  /** The formula that counts (`MetricStore.formula`). */
  get formula(): Expr | undefined {
    return this.store.formula()[this.slot];
  }
}

/** A file's metric declarations and the store slot of each (-1: not the first declaration of its id). */
interface FileSlots {
  readonly facts: FileFacts;
  readonly slots: readonly number[];
}

/**
 * The workspace metrics of a program in slot order, with per-property columns
 * computed on first use and shared by every reader (rules, compiler, model,
 * language server). Built once per program from the files' facts.
 */
export class MetricStore {
  /** The metrics in slot order: the first declaration of each id, when it is a metric, in file order. */
  readonly metrics: readonly MetricModel[];
  /** The same by id. */
  readonly byId: ReadonlyMap<string, MetricModel>;
  private readonly files: readonly FileSlots[];
  /** The slots of the metrics with a catalog entry. */
  private readonly withEntry: readonly number[];
  private readonly empty: Column<never>;
  private readonly ownCols = new Map<string, Column<Property>>();
  private readonly propCols = new Map<string, Column<Property>>();
  private readonly wordCols = new Map<string, Column<string>>();
  private readonly wordListCols = new Map<string, ReadonlyArray<readonly string[]>>();
  private titleCol: Column<string> | undefined;
  private inputCol: ReadonlyArray<readonly number[]> | undefined;
  private outputCol: ReadonlyArray<readonly number[]> | undefined;
  private formulaCol: Column<Expr> | undefined;

  /** `first(id)`: the first workspace declaration of an id (of any kind). */
  constructor(
    files: ReadonlyArray<{ readonly file: SourceFile; readonly facts: FileFacts }>,
    first: (id: string) => Declaration | undefined,
    /** The std catalog entries by id (for `from std.NAME`). */
    catalog: ReadonlyMap<string, Declaration>,
  ) {
    const metrics: MetricModel[] = [];
    const byId = new Map<string, MetricModel>();
    const withEntry: number[] = [];
    const out: FileSlots[] = [];
    for (const { file, facts } of files) {
      const slots: number[] = [];
      for (const d of facts.metrics) {
        if (first(d.id!.name) !== d) {
          slots.push(-1);
          continue;
        }
        const m = new MetricModel(d, file, catalogEntryOf(d, catalog), metrics.length, this);
        if (m.entry) withEntry.push(m.slot);
        slots.push(m.slot);
        metrics.push(m);
        byId.set(m.id, m);
      }
      out.push({ facts, slots });
    }
    this.metrics = metrics;
    this.byId = byId;
    this.files = out;
    this.withEntry = withEntry;
    this.empty = new Array<undefined>(metrics.length);
  }

  /** The slot of a workspace metric by id, or undefined. */
  slotOf(id: string): number | undefined {
    return this.byId.get(id)?.slot;
  }

  /** Each metric's own property (the first of the name). */
  own(name: string): Column<Property> {
    let col = this.ownCols.get(name);
    if (!col) this.ownCols.set(name, (col = this.gather((f) => f.metricColumns.get(name)) ?? this.empty));
    return col;
  }

  /** Each metric's property: its own, else its catalog entry's. */
  prop(name: string): Column<Property> {
    let col = this.propCols.get(name);
    if (col) return col;
    const own = this.own(name);
    if (this.withEntry.length === 0) col = own;
    else {
      // Catalog entries fill the slots their metrics leave empty.
      const filled = own.slice();
      for (const i of this.withEntry) filled[i] ??= this.entryProp(i, name);
      col = filled;
    }
    this.propCols.set(name, col);
    return col;
  }

  /** Each metric's single word of a property (`wordOf` of `prop`). */
  word(name: string): Column<string> {
    let col = this.wordCols.get(name);
    if (col) return col;
    // The files' word columns, and the catalog entry's word where the metric has no such property of its own.
    const words = this.gather((f) => f.metricWords.get(name));
    if (this.withEntry.length === 0) col = words ?? this.empty;
    else {
      const own = this.own(name);
      const out = words ?? new Array<string | undefined>(this.metrics.length);
      for (const i of this.withEntry) if (own[i] === undefined) out[i] = wordOf(this.entryProp(i, name));
      col = out;
    }
    this.wordCols.set(name, col);
    return col;
  }

  /** Each metric's words of a property, single or list (`wordsOf` of `prop`). */
  words(name: string): ReadonlyArray<readonly string[]> {
    let col = this.wordListCols.get(name);
    if (col) return col;
    const props = this.prop(name);
    const none: readonly string[] = [];
    const out = new Array<readonly string[]>(props.length);
    for (let i = 0; i < props.length; i++) out[i] = props[i] ? wordsOf(props[i]) : none;
    this.wordListCols.set(name, (col = out));
    return col;
  }

  /** Each metric's title: own, else its catalog entry's. */
  titles(): Column<string> {
    if (this.titleCol) return this.titleCol;
    const out = this.gather((f) => f.metricTitles) ?? new Array<string | undefined>(this.metrics.length);
    for (const i of this.withEntry) out[i] ??= this.metrics[i]!.entry!.title?.value;
    return (this.titleCol = out);
  }

  /** The slots of the metrics each metric lists in its own `inputs` and that resolve, in order. */
  inputs(): ReadonlyArray<readonly number[]> {
    if (this.inputCol) return this.inputCol;
    const own = this.own("inputs");
    const none: readonly number[] = [];
    const out = new Array<readonly number[]>(own.length);
    for (let i = 0; i < own.length; i++) {
      const q = own[i];
      if (!q) {
        out[i] = none;
        continue;
      }
      const list: number[] = [];
      for (const ph of phrases(q.value)) {
        const name = nameOf(ph)?.name;
        const j = name === undefined ? undefined : this.slotOf(name);
        if (j !== undefined) list.push(j);
      }
      out[i] = list;
    }
    return (this.inputCol = out);
  }

  /** The slots of the metrics that list each metric in their `inputs` (`inputs` turned around), in slot order. */
  outputs(): ReadonlyArray<readonly number[]> {
    if (this.outputCol) return this.outputCol;
    const inputs = this.inputs();
    const none: readonly number[] = [];
    const out = new Array<number[] | readonly number[]>(inputs.length).fill(none);
    for (let i = 0; i < inputs.length; i++) {
      for (const j of inputs[i]!) {
        const list = out[j]!;
        if (list === none) out[j] = [i];
        else (list as number[]).push(i);
      }
    }
    return (this.outputCol = out);
  }

  /**
   * Each metric's formula that counts: its own, or the inherited one when every
   * name in it resolves to a workspace metric (grammar/LANGUAGE.md section 8).
   */
  formula(): Column<Expr> {
    if (this.formulaCol) return this.formulaCol;
    const own = this.own("formula");
    const out = new Array<Expr | undefined>(own.length);
    for (let i = 0; i < own.length; i++) {
      const expr = phraseOf(own[i])?.expr;
      if (expr) out[i] = expr;
    }
    for (const i of this.withEntry) {
      if (out[i]) continue;
      const inherited = phraseOf(this.entryProp(i, "formula"))?.expr;
      if (inherited && namesIn(inherited).every((x) => this.byId.has(x.name))) out[i] = inherited;
    }
    return (this.formulaCol = out);
  }

  private entryProp(i: number, name: string): Property | undefined {
    return findProperty(this.metrics[i]!.entry!.properties, name);
  }

  /** The files' columns copied into store slots (undefined when no file has one). */
  private gather<T>(pick: (facts: FileFacts) => Column<T> | undefined): Array<T | undefined> | undefined {
    let out: Array<T | undefined> | undefined;
    for (const { facts, slots } of this.files) {
      const from = pick(facts);
      if (!from) continue;
      out ??= new Array<T | undefined>(this.metrics.length);
      for (let j = 0; j < from.length; j++) {
        const v = from[j];
        if (v !== undefined && slots[j]! >= 0) out[slots[j]!] = v;
      }
    }
    return out;
  }
}
