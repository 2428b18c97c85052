import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `okr-alignment`. */
export default defineRule({
  id: "okr-alignment",
  meta: { severity: "warning", seed: "F.A.C.T.S.: Alignment", description: "(not implemented yet)", messages: {} },
  check() {},
});
