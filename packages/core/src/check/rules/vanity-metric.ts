import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `vanity-metric`. */
export default defineRule({
  id: "vanity-metric",
  meta: { severity: "error", seed: "G1, F3", description: "(not implemented yet)", messages: {} },
  check() {},
});
