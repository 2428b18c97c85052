import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `okr-tracking`. */
export default defineRule({
  id: "okr-tracking",
  meta: { severity: "warning", seed: "F.A.C.T.S.: Tracking", description: "(not implemented yet)", messages: {} },
  check() {},
});
