// The roles of the teams a view or forum is for.
import type { Property } from "../ast/nodes.js";
import type { Program } from "../workspace/program.js";
import { identsOf, wordOf } from "../workspace/values.js";

/** The roles of the teams listed in an `audience` property (teams that do not resolve are skipped). */
export function audienceRoles(program: Program, audience: Property | undefined): Set<string> {
  const roles = new Set<string>();
  for (const i of identsOf(audience)) {
    const team = program.lookupKind(i.name, "team");
    const role = team ? wordOf(program.prop(team, "role")) : undefined;
    if (role) roles.add(role);
  }
  return roles;
}
