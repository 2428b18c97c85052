// The teams that must sign shared definitions (G8): the blueprint's `signoff`, else every sales, product and finance team.
import type { Declaration } from "../ast/nodes.js";
import type { Program } from "../workspace/program.js";
import { identsOf, wordOf } from "../workspace/values.js";

/** Team roles that sign definitions when the blueprint sets no `signoff` (grammar/LANGUAGE.md section 5). */
export const DEFAULT_SIGNOFF_ROLES: readonly string[] = ["sales", "product", "finance"];

/** The signoff teams, in the order written (or file order for the default), each once. */
export function signoffTeams(program: Program): Declaration[] {
  const bp = program.blueprint;
  const prop = bp ? program.prop(bp, "signoff") : undefined;
  const out: Declaration[] = [];
  const seen = new Set<string>();
  if (prop) {
    for (const i of identsOf(prop)) {
      const team = program.lookupKind(i.name, "team");
      if (team && !seen.has(i.name)) {
        seen.add(i.name);
        out.push(team);
      }
    }
    return out;
  }
  const roles = new Set(DEFAULT_SIGNOFF_ROLES);
  for (const team of program.ofKind("team")) {
    const role = wordOf(program.prop(team, "role"));
    if (team.id && role && roles.has(role) && !seen.has(team.id.name)) {
      seen.add(team.id.name);
      out.push(team);
    }
  }
  return out;
}
