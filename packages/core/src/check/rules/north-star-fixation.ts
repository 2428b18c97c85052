import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `north-star-fixation`. */
export default defineRule({
  id: "north-star-fixation",
  meta: { severity: "warning", seed: "F1", description: "(not implemented yet)", messages: {} },
  check() {},
});
