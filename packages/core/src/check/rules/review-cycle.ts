import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `review-cycle`. */
export default defineRule({
  id: "review-cycle",
  meta: { severity: "error", seed: "G9, F9", description: "(not implemented yet)", messages: {} },
  check() {},
});
