import { phrases, wordOf } from "../../workspace/values.js";
import { defineRule } from "../rule.js";

/** `input-actionable`: an input metric the team cannot act on: no levers, or owned by a team that cannot act (G3). */
export default defineRule({
  id: "input-actionable",
  meta: {
    severity: "error",
    seed: "G3",
    description: "an input metric has no `levers`, or its owner has no role that can act (exec only)",
    messages: {
      noLevers:
        "input metric `{{metric}}` has no `levers`; an input is only useful if the team can move it directly — list what the team does to move it (`levers: [\"battlecards\", \"onboarding emails\"]`), or make it an output",
      passiveOwner:
        "input metric `{{metric}}` is owned by team `{{owner}}` (role `{{role}}`), which cannot act on it directly; give it to the team that pulls its levers (`owner: TEAM`)",
    },
    options: {
      passiveRoles: { type: "array", items: { type: "string" }, default: ["exec"], description: "team roles that cannot own an input metric, because they do not act on it directly" },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const passive = new Set(ctx.option<string[]>("passiveRoles"));
    for (const m of p.metrics.values()) {
      if (m.type !== "input") continue;
      if (phrases(m.prop("levers")?.value).length === 0) ctx.report({ decl: m.decl, messageId: "noLevers", data: { metric: m.id } });
      const ownerProp = m.prop("owner");
      const owner = wordOf(ownerProp);
      const team = owner ? p.lookupKind(owner, "team") : undefined;
      const role = team ? wordOf(p.prop(team, "role")) : undefined;
      if (!owner || !team || !role || !passive.has(role)) continue;
      ctx.report({
        decl: m.decl,
        messageId: "passiveOwner",
        data: { metric: m.id, owner, role },
        related: [{ file: p.fileOf(team), span: team.id!.span, message: `team \`${owner}\` has \`role: ${role}\`` }],
      });
    }
  },
});
