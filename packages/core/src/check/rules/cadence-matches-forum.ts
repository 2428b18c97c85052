import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `cadence-matches-forum`. */
export default defineRule({
  id: "cadence-matches-forum",
  meta: { severity: "warning", seed: "G6", description: "(not implemented yet)", messages: {} },
  check() {},
});
