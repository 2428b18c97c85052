import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `source-freshness`. */
export default defineRule({
  id: "source-freshness",
  meta: { severity: "error", seed: "G6", description: "(not implemented yet)", messages: {} },
  check() {},
});
