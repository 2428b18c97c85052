import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `tradeoff-monitored`. */
export default defineRule({
  id: "tradeoff-monitored",
  meta: { severity: "error", seed: "G4", description: "(not implemented yet)", messages: {} },
  check() {},
});
