import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `attribution-fit`. */
export default defineRule({
  id: "attribution-fit",
  meta: { severity: "error", seed: "G5", description: "(not implemented yet)", messages: {} },
  check() {},
});
