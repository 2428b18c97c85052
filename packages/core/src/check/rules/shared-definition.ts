import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `shared-definition`. */
export default defineRule({
  id: "shared-definition",
  meta: { severity: "error", seed: "G8", description: "(not implemented yet)", messages: {} },
  check() {},
});
