// The facts of one file: what it says on its own (references, value issues, money, missing properties, metric columns), gathered right after parsing.
import type { Declaration, DeclKind, Property } from "../ast/nodes.js";
import type { PropertySpec } from "../schema/kinds.js";
import type { SourceFile } from "../syntax/source.js";
import type { Span } from "../text/span.js";
import { requiredGaps } from "./required.js";
import { Validator, type FactsSink } from "./validator.js";
import { wordOf } from "./values.js";

/** A property or value problem found while resolving (reported by the language rules). */
export interface ValueIssue {
  readonly rule: "invalid-property" | "invalid-value" | "missing-property";
  readonly file: SourceFile;
  readonly span: Span;
  readonly decl: Declaration;
  readonly message: string;
  /** For quick fixes: a suggested replacement, or the missing property's name. */
  readonly data?: Readonly<Record<string, string>>;
}

/** A reference written in a file, before the program resolves it. */
export interface LocalRef {
  readonly name: string;
  readonly span: Span;
  /** The declaration it is written in. */
  readonly in: Declaration;
  readonly property: string;
  readonly expected: DeclKind;
  readonly catalog: boolean;
}

/** An amount of money, checked against the blueprint's currency by the program. */
export interface MoneyUse {
  readonly decl: Declaration;
  readonly currency: string;
  readonly span: Span;
  readonly raw: string;
}

/**
 * A ★/☆ property a declaration lacks (its catalog entry merged), or `expect`
 * for an experiment with neither `expect` nor `mde`. Whether it is reported
 * depends on the workspace (KPIs, duplicates), so the program decides.
 */
export interface RequiredGap {
  readonly decl: Declaration;
  /** The declaration's id. */
  readonly id: string;
  /** A metric whose type (own, else its catalog entry's) is `output`. */
  readonly output: boolean;
  readonly spec: PropertySpec | null;
  /** The metric's catalog entry has it (which counts only for the first metric of an id). */
  readonly inEntry: boolean;
}

/**
 * What one file says on its own: its references, property and value issues,
 * amounts of money and missing ★/☆ properties. Computed right after parsing
 * (while the AST is in the CPU's cache) and kept with the file, so a program
 * rebuilt after an edit elsewhere does not validate this file again.
 */
export interface FileFacts {
  readonly refs: readonly LocalRef[];
  readonly issues: readonly ValueIssue[];
  readonly money: readonly MoneyUse[];
  readonly required: readonly RequiredGap[];
  /** The file's metric declarations with an id, in order. */
  readonly metrics: readonly Declaration[];
  /**
   * Their own properties by name, one slot per entry of `metrics` (the first
   * of a name wins, as in `prop()`): the program's metric store (metrics.ts) is assembled
   * from these columns without walking the properties again.
   */
  readonly metricColumns: ReadonlyMap<string, ReadonlyArray<Property | undefined>>;
  /** The single word of each of those properties (`wordOf`), where it has one. */
  readonly metricWords: ReadonlyMap<string, ReadonlyArray<string | undefined>>;
  /** Each metric's own title. */
  readonly metricTitles: ReadonlyArray<string | undefined>;
}

/** Computes the facts of a file, `catalog` being the std entries by id (a `Workspace` keeps them with the file until it changes). */
export function fileFacts(file: SourceFile, catalog: ReadonlyMap<string, Declaration>): FileFacts {
  const sink: FactsSink = { refs: [], issues: [], money: [] };
  const required: RequiredGap[] = [];
  const metrics: Declaration[] = [];
  for (const d of file.ast.declarations) {
    new Validator(d, file, sink).run();
    requiredGaps(d, catalog, required);
    if (d.kind === "metric" && d.id) metrics.push(d);
  }
  const metricColumns = new Map<string, Array<Property | undefined>>();
  const metricWords = new Map<string, Array<string | undefined>>();
  const metricTitles = new Array<string | undefined>(metrics.length);
  for (let j = 0; j < metrics.length; j++) {
    const decl = metrics[j]!;
    metricTitles[j] = decl.title?.value;
    const props = decl.properties;
    for (let k = 0; k < props.length; k++) {
      const q = props[k]!;
      const name = q.name.name;
      let col = metricColumns.get(name);
      if (!col) metricColumns.set(name, (col = new Array<Property | undefined>(metrics.length)));
      if (col[j] !== undefined) continue;
      col[j] = q;
      const word = wordOf(q);
      if (word === undefined) continue;
      let words = metricWords.get(name);
      if (!words) metricWords.set(name, (words = new Array<string | undefined>(metrics.length)));
      words[j] = word;
    }
  }
  return { refs: sink.refs, issues: sink.issues, money: sink.money, required, metrics, metricColumns, metricWords, metricTitles };
}
