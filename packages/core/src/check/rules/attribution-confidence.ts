import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `attribution-confidence`. */
export default defineRule({
  id: "attribution-confidence",
  meta: { severity: "warning", seed: "G5 (attribution step 5)", description: "(not implemented yet)", messages: {} },
  check() {},
});
