import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `stale-review`. */
export default defineRule({
  id: "stale-review",
  meta: { severity: "warning", seed: "G9, F9", description: "(not implemented yet)", messages: {} },
  check() {},
});
