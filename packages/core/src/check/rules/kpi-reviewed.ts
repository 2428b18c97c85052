import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `kpi-reviewed`. */
export default defineRule({
  id: "kpi-reviewed",
  meta: { severity: "warning", seed: "G6", description: "(not implemented yet)", messages: {} },
  check() {},
});
