// Source graph questions: which sources reach the source of truth, and how fresh a source is.
import type { Declaration } from "../ast/nodes.js";
import type { Program } from "../workspace/program.js";
import { identsOf, wordOf } from "../workspace/values.js";
import { CADENCE_DAYS } from "./cadence.js";

/** The blueprint's `source_of_truth` source, or undefined when unset or unresolved. */
export function sourceOfTruth(program: Program): Declaration | undefined {
  const bp = program.blueprint;
  const name = bp ? wordOf(program.prop(bp, "source_of_truth")) : undefined;
  return name ? program.lookupKind(name, "source") : undefined;
}

/** The ids of the sources that are `target` or reach it through `feeds`, transitively (one backward walk). */
export function sourcesReaching(program: Program, target: Declaration): Set<string> {
  const fedBy = new Map<string, string[]>();
  for (const s of program.ofKind("source")) {
    if (!s.id) continue;
    for (const f of identsOf(program.prop(s, "feeds"))) {
      const list = fedBy.get(f.name);
      if (list) list.push(s.id.name);
      else fedBy.set(f.name, [s.id.name]);
    }
  }
  const out = new Set<string>([target.id!.name]);
  const queue = [target.id!.name];
  while (queue.length > 0) {
    for (const s of fedBy.get(queue.pop()!) ?? []) {
      if (out.has(s)) continue;
      out.add(s);
      queue.push(s);
    }
  }
  return out;
}

/**
 * Days between refreshes of a source `refresh` value: realtime and hourly 0
 * (they satisfy every cadence), daily 1, weekly 7, monthly 31; `manual`
 * counts as `manualAs` (monthly by default). Undefined for anything else.
 */
export function refreshDays(refresh: string | undefined, manualAs = "monthly"): number | undefined {
  if (refresh === "realtime" || refresh === "hourly") return 0;
  if (refresh === "manual") return CADENCE_DAYS.get(manualAs);
  return refresh === undefined ? undefined : CADENCE_DAYS.get(refresh);
}
