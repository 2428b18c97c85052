import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `output-has-inputs`. */
export default defineRule({
  id: "output-has-inputs",
  meta: { severity: "error", seed: "F2", description: "(not implemented yet)", messages: {} },
  check() {},
});
