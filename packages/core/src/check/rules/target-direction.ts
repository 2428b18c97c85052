import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `target-direction`. */
export default defineRule({
  id: "target-direction",
  meta: { severity: "error", seed: "targets move the way the metric should", description: "(not implemented yet)", messages: {} },
  check() {},
});
