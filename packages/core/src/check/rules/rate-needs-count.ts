import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `rate-needs-count`. */
export default defineRule({
  id: "rate-needs-count",
  meta: { severity: "warning", seed: "F11", description: "(not implemented yet)", messages: {} },
  check() {},
});
