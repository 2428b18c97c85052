import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `okr-key-results`. */
export default defineRule({
  id: "okr-key-results",
  meta: { severity: "error", seed: "OKR (Doerr): 2–5 key results", description: "(not implemented yet)", messages: {} },
  check() {},
});
