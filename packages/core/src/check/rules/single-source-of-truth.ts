import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `single-source-of-truth`. */
export default defineRule({
  id: "single-source-of-truth",
  meta: { severity: "warning", seed: "F10", description: "(not implemented yet)", messages: {} },
  check() {},
});
