import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `retired-metric-in-use`. */
export default defineRule({
  id: "retired-metric-in-use",
  meta: { severity: "error", seed: "G9", description: "(not implemented yet)", messages: {} },
  check() {},
});
