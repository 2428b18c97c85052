import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `kpi-total`. */
export default defineRule({
  id: "kpi-total",
  meta: { severity: "error", seed: "F6", description: "(not implemented yet)", messages: {} },
  check() {},
});
