import { countBySeverity, rangeOf, type Reporter } from "./types.js";

/** `--format json`: the stable contract described in the README (Gating pull requests). */
export const json: Reporter = ({ diagnostics, files }) => {
  const out = {
    version: 1,
    diagnostics: diagnostics.map((d) => {
      const r = rangeOf(d, files);
      return {
        file: d.file,
        rule: d.rule,
        severity: d.severity,
        message: d.message,
        declaration: d.declaration,
        start: r ? r.start : null,
        end: r ? r.end : null,
      };
    }),
    counts: countBySeverity(diagnostics),
  };
  return `${JSON.stringify(out, null, 2)}\n`;
};
