import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `attribution-missing`. */
export default defineRule({
  id: "attribution-missing",
  meta: { severity: "error", seed: "G5, F5", description: "(not implemented yet)", messages: {} },
  check() {},
});
