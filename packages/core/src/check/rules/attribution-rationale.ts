import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `attribution-rationale`. */
export default defineRule({
  id: "attribution-rationale",
  meta: { severity: "warning", seed: "attribution step 5", description: "(not implemented yet)", messages: {} },
  check() {},
});
