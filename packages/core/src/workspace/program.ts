import type { Declaration, DeclKind, Ident, KeyResult, Property, View } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import { Catalog } from "../std/catalog.js";
import type { SourceFile } from "../syntax/source.js";
import { currencyIssues } from "./currency.js";
import { MetricStore, type MetricModel } from "./metrics.js";
import { requiredIssues } from "./required.js";
import { fileFacts, type FileFacts, type ValueIssue } from "./validate.js";
import { findProperty, identsOf } from "./values.js";

export type { MetricModel } from "./metrics.js";

/** Where a name is used and what it resolved to. */
export interface Reference {
  readonly name: string;
  readonly span: Span;
  readonly file: SourceFile;
  /** The declaration the reference is written in. */
  readonly in: Declaration;
  /** The property (or `kr`, `tradeoff`, `from`, `formula`) it is written under. */
  readonly property: string;
  /** The kind the context wants. */
  readonly expected: DeclKind;
  /** What it resolved to (first declaration of that id), or null. */
  readonly target: Declaration | null;
  /** For `from std.NAME`: the catalog entry it names. */
  readonly catalog: boolean;
}

/** How a metric is a KPI. */
export interface KpiUse {
  readonly via: "workstream" | "kr" | "view";
  readonly decl: Declaration;
  readonly view?: View;
  readonly kr?: KeyResult;
}

/** The resolved workspace: files, declarations, references, metrics and KPIs. */
export class Program {
  /** Every workspace declaration (not the catalog), in file order. */
  readonly declarations: Declaration[] = [];
  /** Declarations by id (more than one for a duplicate). */
  readonly byId = new Map<string, Declaration[]>();
  /** Every reference, in file order. */
  readonly references: Reference[] = [];
  /** Property and value problems found while resolving (see `valueIssues`). */
  private readonly issues: ValueIssue[] = [];
  /** The `std` catalog entries by id. */
  readonly catalog: ReadonlyMap<string, Declaration>;
  /** The catalog's file. */
  readonly catalogFile: SourceFile;
  /** The metrics laid out by property: the one model of a metric, read by rules that scan every metric (workspace/metrics.ts). */
  readonly store: MetricStore;
  /** Metrics by id (first declaration), in slot order (`store.metrics`). */
  readonly metrics: ReadonlyMap<string, MetricModel>;
  /** KPIs and how each is one. */
  readonly kpis = new Map<MetricModel, KpiUse[]>();

  /** Built on the first `fileOf` (a clean workspace may never ask). */
  private fileOfDecl: Map<Declaration, SourceFile> | undefined;
  private readonly byKind = new Map<Declaration["kind"], Declaration[]>();
  private readonly refsTo = new Map<Declaration, Reference[]>();
  /** Each file's facts (validate.ts): given by the workspace, which keeps them per file, else computed here. */
  private readonly factsOf: Map<SourceFile, FileFacts>;
  /** Values computed once for this program and shared by rules (see `memo`). */
  private readonly memos = new Map<string, unknown>();

  constructor(
    readonly files: readonly SourceFile[],
    /** Today's date (ISO), for time-dependent rules. */
    readonly today: string,
    facts: ReadonlyMap<SourceFile, FileFacts> = new Map(),
    /** The std catalog (a workspace passes the one it holds). */
    std: Catalog = new Catalog(),
  ) {
    this.factsOf = new Map(facts);
    this.catalogFile = std.file;
    this.catalog = std.byId;

    for (const f of files) {
      for (const d of f.ast.declarations) {
        this.declarations.push(d);
        const same = this.byKind.get(d.kind);
        if (same) same.push(d);
        else this.byKind.set(d.kind, [d]);
        if (!d.id) continue;
        const list = this.byId.get(d.id.name);
        if (list) list.push(d);
        else this.byId.set(d.id.name, [d]);
      }
    }
    // The first metric of each id, in file order (each file's facts list its metrics with an id).
    this.store = new MetricStore(
      files.map((file) => ({ file, facts: this.facts(file) })),
      (id) => this.byId.get(id)?.[0],
      this.catalog,
    );
    this.metrics = this.store.byId;
    for (const f of files) for (const r of this.facts(f).refs) this.addReference(r.name, r.span, f, r.in, r.property, r.expected, r.catalog);
    this.collectKpis();
    for (const f of files) for (const i of this.fileIssues(f)) this.issues.push(i);
  }

  private addReference(name: string, span: Span, file: SourceFile, inDecl: Declaration, property: string, expected: DeclKind, isCatalog: boolean): void {
    let target: Declaration | null;
    if (isCatalog) target = this.catalog.get(name) ?? null;
    else {
      const candidates = this.byId.get(name);
      target = candidates === undefined ? null : candidates.length === 1 ? candidates[0]! : (candidates.find((c) => c.kind === expected) ?? candidates[0]!);
    }
    const ref: Reference = { name, span, file, in: inDecl, property, expected, target, catalog: isCatalog };
    this.references.push(ref);
    if (target) {
      const list = this.refsTo.get(target);
      if (list) list.push(ref);
      else this.refsTo.set(target, [ref]);
    }
  }

  private collectKpis(): void {
    const add = (name: string, use: KpiUse): void => {
      const m = this.metrics.get(name);
      if (!m) return;
      const list = this.kpis.get(m);
      if (list) list.push(use);
      else this.kpis.set(m, [use]);
    };
    for (const d of this.ofKind("workstream")) for (const i of identsOf(prop(d, "kpis"))) add(i.name, { via: "workstream", decl: d });
    for (const d of this.ofKind("okr")) for (const kr of d.keyResults) if (kr.form !== "milestone") add(kr.metric.name, { via: "kr", decl: d, kr });
    for (const d of this.ofKind("dashboard"))
      for (const v of d.views) for (const i of identsOf(findProperty(v.properties, "metrics"))) add(i.name, { via: "view", decl: d, view: v });
  }

  /** Property and value problems found while resolving. */
  get valueIssues(): readonly ValueIssue[] {
    return this.issues;
  }

  /** A file's facts: what it says on its own (validate.ts). */
  facts(f: SourceFile): FileFacts {
    let facts = this.factsOf.get(f);
    if (!facts) this.factsOf.set(f, (facts = fileFacts(f, this.catalog)));
    return facts;
  }

  /** A value computed once for this program under `key` (what several rules share: groups, tracing). */
  memo<T>(key: string, compute: () => T): T {
    if (this.memos.has(key)) return this.memos.get(key) as T;
    const value = compute();
    this.memos.set(key, value);
    return value;
  }

  /** A file's value issues: its own (kept with the file), money in another currency, missing ★/☆ properties. */
  private fileIssues(f: SourceFile): ValueIssue[] {
    const facts = this.facts(f);
    const issues = facts.issues.slice();
    const add = (i: ValueIssue): void => {
      issues.push(i);
    };
    currencyIssues(this, f, facts.money, add);
    requiredIssues(this, f, facts.required, add);
    return issues;
  }

  /** The file a declaration is in. */
  fileOf(decl: Declaration): SourceFile {
    if (!this.fileOfDecl) {
      const index = new Map<Declaration, SourceFile>();
      for (const f of this.files) for (const d of f.ast.declarations) index.set(d, f);
      this.fileOfDecl = index;
    }
    return this.fileOfDecl.get(decl) ?? this.catalogFile;
  }

  /** Workspace declarations of one kind, in file order (duplicates included). */
  ofKind(kind: Declaration["kind"]): Declaration[] {
    return this.byKind.get(kind)?.slice() ?? [];
  }

  /** The first declaration with an id. */
  lookup(id: string): Declaration | undefined {
    return this.byId.get(id)?.[0];
  }

  /** The first declaration with an id, if it is of the kind. */
  lookupKind(id: string, kind: DeclKind): Declaration | undefined {
    return this.byId.get(id)?.find((d) => d.kind === kind);
  }

  /** A workspace metric by id. */
  metric(id: string): MetricModel | undefined {
    return this.metrics.get(id);
  }

  /** The metric model of a metric declaration. */
  metricOf(decl: Declaration): MetricModel | undefined {
    const m = decl.id ? this.metrics.get(decl.id.name) : undefined;
    return m?.decl === decl ? m : undefined;
  }

  /** References that resolved to a declaration. */
  referencesTo(decl: Declaration): readonly Reference[] {
    return this.refsTo.get(decl) ?? [];
  }

  /** The blueprint (the first, when there are several). */
  get blueprint(): Declaration | undefined {
    return this.byKind.get("blueprint")?.[0];
  }

  /** The output metrics that list a metric in their `inputs`. */
  outputsFeeding(m: MetricModel): readonly MetricModel[] {
    const slots = this.store.outputs()[m.slot]!;
    return slots.length === 0 ? [] : slots.map((i) => this.store.metrics[i]!);
  }

  /**
   * A metric's dimensions: its own, or those of the output metrics it feeds
   * through `inputs` (docs/rules/README.md, Dimensions).
   */
  dimensionsOf(m: MetricModel): string[] {
    const own = m.word("dimension");
    if (own) return [own];
    const out = new Set<string>();
    for (const o of this.outputsFeeding(m)) {
      const d = o.word("dimension");
      if (d) out.add(d);
    }
    return [...out].sort();
  }

  /** True when a metric is a KPI. */
  isKpi(m: MetricModel): boolean {
    return this.kpis.has(m);
  }

  /** A declaration's property by name. */
  prop(decl: Declaration | View | KeyResult, name: string): Property | undefined {
    return prop(decl, name);
  }
}

/** A declaration's (or member's) own property by name. */
export function prop(decl: Declaration | View | KeyResult, name: string): Property | undefined {
  return findProperty(decl.properties, name);
}

/** The id or the anchor name of a declaration for messages. */
export function declLabel(decl: Declaration): string {
  if (decl.kind === "tradeoff") return `tradeoff ${decl.primary?.name ?? "?"} vs ${decl.guard?.name ?? "?"}`;
  return `${decl.kind} ${decl.id?.name ?? "?"}`;
}

/** Where a finding about a declaration sits: its id, or a tradeoff's primary. */
export function anchorOf(decl: Declaration): Ident | { span: Span } {
  return decl.id ?? decl.primary ?? { span: decl.kindSpan };
}
