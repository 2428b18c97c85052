import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `exec-view-focus`. */
export default defineRule({
  id: "exec-view-focus",
  meta: { severity: "warning", seed: "dashboard step 6", description: "(not implemented yet)", messages: {} },
  check() {},
});
