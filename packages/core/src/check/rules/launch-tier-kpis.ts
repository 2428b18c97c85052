import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `launch-tier-kpis`. */
export default defineRule({
  id: "launch-tier-kpis",
  meta: { severity: "error", seed: "launch KPI hierarchy", description: "(not implemented yet)", messages: {} },
  check() {},
});
