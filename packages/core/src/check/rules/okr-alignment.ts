import { defineRule } from "../rule.js";
import { identsOf, wordOf } from "../../workspace/values.js";

/** `okr-alignment`: a team objective aligns to nothing, or to something that is not a company objective (F.A.C.T.S.: Alignment). */
export default defineRule({
  id: "okr-alignment",
  meta: {
    severity: "warning",
    seed: "F.A.C.T.S.: Alignment",
    description: "a team-level objective aligns to nothing, or to an objective that is not company-level",
    messages: {
      none: "team objective `{{okr}}` aligns to no company objective; add `aligns: COMPANY_OKR` naming the company objective it supports",
      unresolved: "team objective `{{okr}}` aligns to `{{target}}`, which is not a declared objective; declare the company objective or align to an existing one",
      notCompany: "team objective `{{okr}}` aligns to `{{target}}`, which is {{what}}; align it to a company-level objective (`level: company`)",
    },
  },
  check(ctx) {
    const p = ctx.program;
    for (const okr of p.ofKind("okr")) {
      if (!okr.id) continue;
      const level = wordOf(p.prop(okr, "level"));
      const alignsProp = p.prop(okr, "aligns");
      // Without `level`, an objective that aligns to another is a team objective; one that aligns to nothing may be the company's.
      if (level !== "team" && !(level === undefined && alignsProp)) continue;
      const target = identsOf(alignsProp)[0];
      const okrName = okr.id.name;
      if (!target) {
        ctx.report({ decl: okr, messageId: "none", data: { okr: okrName } });
        continue;
      }
      const related = [{ file: p.fileOf(okr), span: target.span, message: "the alignment is here" }];
      const decls = p.byId.get(target.name);
      if (!decls) {
        ctx.report({ decl: okr, messageId: "unresolved", data: { okr: okrName, target: target.name }, related });
        continue;
      }
      const aligned = decls.find((d) => d.kind === "okr");
      if (!aligned) {
        ctx.report({ decl: okr, messageId: "notCompany", data: { okr: okrName, target: target.name, what: `a ${decls[0]!.kind}, not an objective` }, related });
        continue;
      }
      const targetLevel = wordOf(p.prop(aligned, "level"));
      if (targetLevel === "company") continue;
      const what = aligned === okr ? "the objective itself" : targetLevel === "team" ? "a team-level objective" : "an objective without `level: company`";
      ctx.report({
        decl: okr,
        messageId: "notCompany",
        data: { okr: okrName, target: target.name, what },
        related: [...related, { file: p.fileOf(aligned), span: aligned.id!.span, message: `objective \`${target.name}\` is declared here` }],
      });
    }
  },
});
