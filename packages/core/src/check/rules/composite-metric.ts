import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `composite-metric`. */
export default defineRule({
  id: "composite-metric",
  meta: { severity: "warning", seed: "F4", description: "(not implemented yet)", messages: {} },
  check() {},
});
