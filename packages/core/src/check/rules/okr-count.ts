import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `okr-count`. */
export default defineRule({
  id: "okr-count",
  meta: { severity: "warning", seed: "F.A.C.T.S.: Focus", description: "(not implemented yet)", messages: {} },
  check() {},
});
