import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `launch-tracking-before`. */
export default defineRule({
  id: "launch-tracking-before",
  meta: { severity: "error", seed: "F5", description: "(not implemented yet)", messages: {} },
  check() {},
});
