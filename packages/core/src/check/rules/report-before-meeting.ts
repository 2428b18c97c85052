import { defineRule } from "../rule.js";

// NOT IMPLEMENTED YET: placeholder so the registry lists every rule of rules.md.
/** `report-before-meeting`. */
export default defineRule({
  id: "report-before-meeting",
  meta: { severity: "error", seed: "G6 (cadence step 7)", description: "(not implemented yet)", messages: {} },
  check() {},
});
