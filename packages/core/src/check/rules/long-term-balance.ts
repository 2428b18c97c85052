import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `long-term-balance`. */
export default defineRule({
  id: "long-term-balance",
  meta: { severity: "warning", seed: "F8", description: "(not implemented yet)", messages: {} },
  check() {},
});
