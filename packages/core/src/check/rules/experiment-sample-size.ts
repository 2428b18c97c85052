import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `experiment-sample-size`. */
export default defineRule({
  id: "experiment-sample-size",
  meta: { severity: "warning", seed: "F13", description: "(not implemented yet)", messages: {} },
  check() {},
});
