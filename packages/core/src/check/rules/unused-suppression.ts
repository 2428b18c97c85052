import { defineRule } from "../rule.js";

/** `unused-suppression`: a `pmm-ignore` that silences nothing. Found by `applySuppressions` in check/run.ts once every rule has run; `check` is empty. */
export default defineRule({
  id: "unused-suppression",
  meta: {
    severity: "hint",
    seed: "suppressions (grammar/LANGUAGE.md section 9)",
    description: "a `pmm-ignore` comment that silences nothing",
    fixable: true,
    messages: {
      unused: "`pmm-ignore {{rule}}` silences nothing here; remove it",
      noTarget: "`pmm-ignore` must stand on the line above a declaration or property; move or remove it",
    },
  },
  // The runner reports these once every other rule has run (`applySuppressions` in check/run.ts; the comments are read by workspace/suppressions.ts).
  check() {},
});
