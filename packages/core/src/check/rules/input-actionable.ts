import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `input-actionable`. */
export default defineRule({
  id: "input-actionable",
  meta: { severity: "error", seed: "G3", description: "(not implemented yet)", messages: {} },
  check() {},
});
