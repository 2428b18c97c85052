import type { Declaration, Property } from "../../ast/nodes.js";
import { wordOf } from "../../workspace/values.js";
import { CADENCE_DAYS } from "../../model/cadence.js";
import { refreshDays } from "../../model/sources.js";
import { defineRule } from "../rule.js";

/** A source that refreshes, with where it says so. */
interface Refresh {
  readonly decl: Declaration;
  readonly refreshProp: Property;
  readonly refresh: string;
  readonly days: number;
}

/** `source-freshness`: a metric reviewed more often than its source refreshes (G6). */
export default defineRule({
  id: "source-freshness",
  meta: {
    severity: "error",
    seed: "G6",
    description: "a metric's `cadence` is more frequent than its source's `refresh` (`manual` counts as monthly; `realtime` and `hourly` satisfy every cadence)",
    messages: {
      stale:
        "metric `{{metric}}` has `cadence: {{cadence}}` but its source `{{source}}` refreshes {{refresh}}; between refreshes the metric repeats stale numbers — refresh `{{source}}` at least {{cadence}}, or set the metric's `cadence` to match the data",
    },
    options: {
      manualAs: { type: "string", default: "monthly", description: "the cadence a source with `refresh: manual` counts as (daily, weekly, monthly or quarterly)" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const manualAs = ctx.option<string>("manualAs");
    const t = p.store;
    const cadences = t.word("cadence");
    const sources = t.word("source");
    // Sources are few and shared by many metrics: read each one's `refresh` once.
    const refreshes = new Map<string, Refresh | null>();
    const refreshOf = (source: string): Refresh | null => {
      let hit = refreshes.get(source);
      if (hit === undefined) {
        const decl = p.lookupKind(source, "source");
        const refreshProp = decl ? p.prop(decl, "refresh") : undefined;
        const refresh = wordOf(refreshProp);
        // A source without `refresh` is listed as unknown in the compiled `integrations`, not reported here.
        const days = refreshDays(refresh, manualAs);
        refreshes.set(source, (hit = decl && refreshProp && refresh && days !== undefined ? { decl, refreshProp, refresh, days } : null));
      }
      return hit;
    };
    for (let i = 0; i < t.metrics.length; i++) {
      const cadence = cadences[i];
      const cadenceDays = cadence === undefined ? undefined : CADENCE_DAYS.get(cadence);
      const source = sources[i];
      if (cadence === undefined || cadenceDays === undefined || !source) continue;
      const hit = refreshOf(source);
      if (!hit || hit.days <= cadenceDays) continue;
      const { decl, refreshProp, refresh } = hit;
      const m = t.metrics[i]!;
      ctx.report({
        decl: m.decl,
        messageId: "stale",
        data: { metric: m.id, cadence, source, refresh: refresh === "manual" ? `manually (counted as ${manualAs})` : refresh },
        related: [{ file: p.fileOf(decl), span: refreshProp.span, message: `\`${source}\` refreshes ${refresh}` }],
      });
    }
  },
});
