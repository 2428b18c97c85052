import { defineRule } from "../rule.js";

/** `expired-suppression`: a `pmm-ignore` past its `until` date; it no longer applies. Found by `applySuppressions` in check/run.ts; `check` is empty. */
export default defineRule({
  id: "expired-suppression",
  meta: {
    severity: "warning",
    seed: "suppressions (grammar/LANGUAGE.md section 9)",
    description: "a `pmm-ignore` comment past its `until` date",
    messages: { expired: "`pmm-ignore {{rule}}` expired on {{until}} and no longer applies; fix the finding or renew the date with a reason" },
  },
  // The runner reports these (`applySuppressions` in check/run.ts; the comments are read by workspace/suppressions.ts).
  check() {},
});
