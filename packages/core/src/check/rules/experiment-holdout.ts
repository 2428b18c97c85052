import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `experiment-holdout`. */
export default defineRule({
  id: "experiment-holdout",
  meta: { severity: "warning", seed: "F12", description: "(not implemented yet)", messages: {} },
  check() {},
});
