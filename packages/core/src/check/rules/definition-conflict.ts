import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `definition-conflict`. */
export default defineRule({
  id: "definition-conflict",
  meta: { severity: "error", seed: "F7", description: "(not implemented yet)", messages: {} },
  check() {},
});
