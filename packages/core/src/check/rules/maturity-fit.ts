import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `maturity-fit`. */
export default defineRule({
  id: "maturity-fit",
  meta: { severity: "warning", seed: "the blueprint is sized to data maturity", description: "(not implemented yet)", messages: {} },
  check() {},
});
