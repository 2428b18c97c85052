// The blueprint's fiscal year start, for reading `FY` periods.
import type { Program } from "../workspace/program.js";
import { literalOf } from "../workspace/values.js";

/** The first month (1–12) of the fiscal year: the blueprint's `fiscal_year_start`, January when unset. */
export function fiscalStartMonth(program: Program): number {
  const bp = program.blueprint;
  const lit = bp ? literalOf(program.prop(bp, "fiscal_year_start")) : undefined;
  return lit?.type === "period" && lit.form === "month" ? lit.index : 1;
}
