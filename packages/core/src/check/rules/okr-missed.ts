import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `okr-missed`. */
export default defineRule({
  id: "okr-missed",
  meta: { severity: "warning", seed: "F.A.C.T.S.: Commitment", description: "(not implemented yet)", messages: {} },
  check() {},
});
