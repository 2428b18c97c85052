import { wordOf, wordsOf } from "../../workspace/values.js";
import { maturity } from "../../model/blueprint.js";
import { formatCount } from "../helpers/quantities.js";
import { defineRule } from "../rule.js";

/** `maturity-fit`: the blueprint asks for more than its data maturity supports (the playbook sizes the blueprint to maturity). */
export default defineRule({
  id: "maturity-fit",
  meta: {
    severity: "warning",
    seed: "the blueprint is sized to the team's data maturity (playbook summary, step 5)",
    description: "the blueprint asks for more than its `maturity` supports: MMM or data-driven MTA below 3, experiments below 2, more KPIs than 10 × maturity",
    messages: {
      mmm: "attribution `{{attribution}}` uses `mmm` at maturity {{maturity}}; a mix model needs maturity {{min}} or more (clean spend and outcome history in a warehouse) — use `self_reported` plus `incrementality` (pre/post comparisons) until then, or raise `maturity` if the data is there",
      dataDriven:
        "attribution `{{attribution}}` uses `mta_method: data_driven` at maturity {{maturity}}; data-driven MTA needs maturity {{min}} or more — use `position_based` until then, or raise `maturity` if the data is there",
      experiment:
        "experiment `{{experiment}}` runs at maturity {{maturity}}; controlled experiments need maturity {{min}} or more (reliable event tracking and assignment) — use a pre/post comparison until then, or raise `maturity` if the data is there",
      kpis: "the workspace tracks {{count}} KPIs at maturity {{maturity}}, more than the {{limit}} it supports ({{perLevel}} per maturity level); the team cannot keep that many reliable — cut KPIs to the ones it decides on, or raise `maturity` if the data is there",
    },
    options: {
      mmmMin: { type: "integer", default: 3, minimum: 1, description: "lowest maturity that supports `mmm`" },
      dataDrivenMin: { type: "integer", default: 3, minimum: 1, description: "lowest maturity that supports `mta_method: data_driven`" },
      experimentsMin: { type: "integer", default: 2, minimum: 1, description: "lowest maturity that supports experiments" },
      kpisPerLevel: { type: "integer", default: 10, minimum: 1, description: "KPIs supported per maturity level (the workspace may have up to this × maturity)" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const level = maturity(p);
    const bp = p.blueprint;
    if (level === undefined || !bp) return;
    const maturityProp = p.prop(bp, "maturity")!;
    const related = [{ file: p.fileOf(bp), span: maturityProp.span, message: `the blueprint's maturity is ${level}` }];
    const mmmMin = ctx.option<number>("mmmMin");
    const dataDrivenMin = ctx.option<number>("dataDrivenMin");
    const experimentsMin = ctx.option<number>("experimentsMin");
    const perLevel = ctx.option<number>("kpisPerLevel");
    for (const a of p.ofKind("attribution")) {
      if (!a.id) continue;
      if (level < mmmMin && wordsOf(p.prop(a, "models")).includes("mmm"))
        ctx.report({ decl: a, messageId: "mmm", data: { attribution: a.id.name, maturity: level, min: mmmMin }, related });
      if (level < dataDrivenMin && wordOf(p.prop(a, "mta_method")) === "data_driven")
        ctx.report({ decl: a, messageId: "dataDriven", data: { attribution: a.id.name, maturity: level, min: dataDrivenMin }, related });
    }
    if (level < experimentsMin) {
      for (const e of p.ofKind("experiment"))
        if (e.id) ctx.report({ decl: e, messageId: "experiment", data: { experiment: e.id.name, maturity: level, min: experimentsMin }, related });
    }
    const count = p.kpis.size;
    if (count > perLevel * level) ctx.reportWorkspace("kpis", { count: formatCount(count), maturity: level, limit: formatCount(perLevel * level), perLevel });
  },
});
