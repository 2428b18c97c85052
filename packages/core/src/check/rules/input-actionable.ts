import type { Declaration } from "../../ast/nodes.js";
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
        'input metric `{{metric}}` has no `levers`; an input is only useful if the team can move it directly — list what the team does to move it (`levers: ["battlecards", "onboarding emails"]`), or make it an output',
      passiveOwner:
        "input metric `{{metric}}` is owned by team `{{owner}}` (role `{{role}}`), which cannot act on it directly; give it to the team that pulls its levers (`owner: TEAM`)",
    },
    options: {
      passiveRoles: {
        type: "array",
        items: { type: "string" },
        default: ["exec"],
        description: "team roles that cannot own an input metric, because they do not act on it directly",
      },
    },
  },
  check(ctx) {
    const p = ctx.program;
    const passive = new Set(ctx.option<string[]>("passiveRoles"));
    const t = p.store;
    const types = t.word("type");
    const levers = t.prop("levers");
    const owners = t.word("owner");
    // Owners are a handful of teams: resolve each owner word to its team and role once.
    const passiveTeams = new Map<string, { team: Declaration; role: string } | null>();
    const passiveTeam = (owner: string): { team: Declaration; role: string } | null => {
      let hit = passiveTeams.get(owner);
      if (hit === undefined) {
        const team = p.lookupKind(owner, "team");
        const role = team ? wordOf(p.prop(team, "role")) : undefined;
        passiveTeams.set(owner, (hit = team && role && passive.has(role) ? { team, role } : null));
      }
      return hit;
    };
    for (let i = 0; i < t.metrics.length; i++) {
      if (types[i] !== "input") continue;
      const m = t.metrics[i]!;
      if (phrases(levers[i]?.value).length === 0) ctx.report({ decl: m.decl, messageId: "noLevers", data: { metric: m.id } });
      const owner = owners[i];
      const hit = owner ? passiveTeam(owner) : null;
      if (!owner || !hit) continue;
      const { team, role } = hit;
      ctx.report({
        decl: m.decl,
        messageId: "passiveOwner",
        data: { metric: m.id, owner, role },
        related: [{ file: p.fileOf(team), span: team.id!.span, message: `team \`${owner}\` has \`role: ${role}\`` }],
      });
    }
  },
});
