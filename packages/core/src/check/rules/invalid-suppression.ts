import { defineRule } from "../rule.js";

/** `invalid-suppression`: a `pmm-ignore` without a reason or naming no known rule. Found by `applySuppressions` in check/run.ts (comments parsed by workspace/suppressions.ts); `check` is empty. */
export default defineRule({
  id: "invalid-suppression",
  meta: {
    severity: "error",
    seed: "suppressions (grammar/LANGUAGE.md section 9)",
    description: "a `pmm-ignore` comment without a reason, or naming no known rule",
    fixable: true,
    messages: {
      malformed: "{{problem}}",
      unknownRule: "`{{rule}}` is not a pmm rule; run `pmm explain` for the list",
      unknownRuleSuggest: "`{{rule}}` is not a pmm rule; did you mean `{{suggestion}}`?",
    },
  },
  // The runner reports these: it knows the registry (`applySuppressions` in check/run.ts; the comments are read by workspace/suppressions.ts).
  check() {},
});
