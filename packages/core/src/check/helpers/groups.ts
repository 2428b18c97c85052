// The metric lists of workstreams, reports and dashboard views, indexed once per program.
import type { Declaration, Ident, View } from "../../ast/nodes.js";
import type { Program } from "../../workspace/program.js";
import { identsOf } from "../../workspace/values.js";

/** A workstream's `kpis`, a report's `metrics` or a dashboard view's `metrics` and `context`. */
export interface MetricGroup {
  readonly kind: "workstream" | "report" | "view";
  /** The workstream, report or dashboard. */
  readonly decl: Declaration;
  readonly view?: View;
  /** The names as written, in order. */
  readonly idents: readonly Ident[];
  /** The distinct names. */
  readonly names: ReadonlySet<string>;
}

/** The groups of a program with, for each metric name, the groups that list it. */
export interface MetricGroups {
  readonly all: readonly MetricGroup[];
  readonly byMetric: ReadonlyMap<string, readonly MetricGroup[]>;
}

/** Every workstream, report and view, and which of them lists each metric (computed once per program). */
export function metricGroups(program: Program): MetricGroups {
  return program.memo("metric-groups", () => buildGroups(program));
}

function buildGroups(program: Program): MetricGroups {
  const all: MetricGroup[] = [];
  const byMetric = new Map<string, MetricGroup[]>();
  const add = (group: MetricGroup): void => {
    all.push(group);
    for (const name of group.names) {
      const list = byMetric.get(name);
      if (list) list.push(group);
      else byMetric.set(name, [group]);
    }
  };
  const make = (kind: MetricGroup["kind"], decl: Declaration, idents: Ident[], view?: View): MetricGroup => ({
    kind,
    decl,
    idents,
    names: new Set(idents.map((i) => i.name)),
    ...(view ? { view } : {}),
  });
  for (const d of program.declarations) {
    if (d.kind === "workstream") add(make("workstream", d, identsOf(program.prop(d, "kpis"))));
    else if (d.kind === "report") add(make("report", d, identsOf(program.prop(d, "metrics"))));
    // a view shows its `metrics` and its `context` metrics (guards and context, not KPIs)
    else if (d.kind === "dashboard") for (const v of d.views) add(make("view", d, [...identsOf(program.prop(v, "metrics")), ...identsOf(program.prop(v, "context"))], v));
  }
  return { all, byMetric };
}

/** A group in words: workstream `w`, report `r`, view `v` of dashboard `d`. */
export function groupLabel(g: MetricGroup): string {
  const id = g.decl.id?.name ?? "?";
  return g.kind === "view" ? `view \`${g.view?.id.name ?? "?"}\` of dashboard \`${id}\`` : `${g.kind} \`${id}\``;
}
