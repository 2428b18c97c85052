import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `kpi-traceability`. */
export default defineRule({
  id: "kpi-traceability",
  meta: { severity: "error", seed: "G1", description: "(not implemented yet)", messages: {} },
  check() {},
});
