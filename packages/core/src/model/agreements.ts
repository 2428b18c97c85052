// Definitions agreed once for a group of metrics: a `review` with `agreed_by`
// and `definitions` says which teams agreed which metrics' definitions, and
// when (its `last` date). Each metric's agreement is its own `agreed_by`
// together with every such review that lists it.
import type { Program } from "../workspace/program.js";
import { identsOf, literalOf } from "../workspace/values.js";

/** A review at which a group of definitions was agreed. */
export interface GroupAgreement {
  readonly review: string;
  readonly teams: readonly string[];
  /** The review's `last` date (ISO), when given. */
  readonly on: string | null;
}

/** The group agreements of each metric, by metric id (computed once per program, linear in the reviews' lists). */
export function groupAgreements(program: Program): ReadonlyMap<string, readonly GroupAgreement[]> {
  return program.memo("group-agreements", () => {
    const out = new Map<string, GroupAgreement[]>();
    for (const r of program.ofKind("review")) {
      if (!r.id) continue;
      const teams = identsOf(program.prop(r, "agreed_by")).map((i) => i.name);
      if (teams.length === 0) continue;
      const last = literalOf(program.prop(r, "last"));
      const agreement: GroupAgreement = { review: r.id.name, teams, on: last?.type === "date" ? last.iso : null };
      for (const i of identsOf(program.prop(r, "definitions"))) {
        const list = out.get(i.name);
        if (list) list.push(agreement);
        else out.set(i.name, [agreement]);
      }
    }
    return out;
  });
}

/** Every team that agreed a metric's definition: its own `agreed_by` first, then the teams of each review that lists it, each once. */
export function agreedTeams(program: Program, metric: string, own: readonly string[]): string[] {
  const seen = new Set(own);
  const out = [...own];
  for (const g of groupAgreements(program).get(metric) ?? []) {
    for (const t of g.teams) {
      if (!seen.has(t)) {
        seen.add(t);
        out.push(t);
      }
    }
  }
  return out;
}
