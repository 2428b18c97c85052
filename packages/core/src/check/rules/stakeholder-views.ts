import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `stakeholder-views`. */
export default defineRule({
  id: "stakeholder-views",
  meta: { severity: "error", seed: "dashboard step 6", description: "(not implemented yet)", messages: {} },
  check() {},
});
