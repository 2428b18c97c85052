import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `constellation-coverage`. */
export default defineRule({
  id: "constellation-coverage",
  meta: { severity: "error", seed: "G2, F1", description: "(not implemented yet)", messages: {} },
  check() {},
});
