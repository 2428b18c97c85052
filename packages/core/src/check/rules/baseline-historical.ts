import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `baseline-historical`. */
export default defineRule({
  id: "baseline-historical",
  meta: { severity: "error", seed: "G7", description: "(not implemented yet)", messages: {} },
  check() {},
});
