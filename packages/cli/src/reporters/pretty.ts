import { codeFrameColumns } from "@babel/code-frame";
import { createColors } from "picocolors";
import type { Diagnostic } from "@pmm/core";
import { countBySeverity, plural, rangeOf, type Reporter } from "./types.js";

/** `--format pretty`: a code frame with the range underlined, the rule id and a help line. */
export const pretty: Reporter = ({ diagnostics, files, paths, color, baselined = 0 }) => {
  const fileCount = paths.length;
  const c = createColors(color);
  const paint = (d: Diagnostic, s: string): string =>
    d.severity === "error" ? c.red(s) : d.severity === "warning" ? c.yellow(s) : d.severity === "info" ? c.blue(s) : c.dim(s);
  const parts: string[] = [];
  for (const d of diagnostics) {
    const r = rangeOf(d, files);
    const lines: string[] = [];
    lines.push(`${c.bold(paint(d, `${d.severity}[${d.rule}]`))}${c.bold(`: ${d.message}`)}`);
    if (r && d.file) {
      lines.push(`  ${c.cyan("-->")} ${d.file}:${r.start.line}:${r.start.column}`);
      const f = files.get(d.file)!;
      // Multi-line ranges underline the first line only: frames stay short.
      const end = r.end.line === r.start.line ? { line: r.end.line, column: Math.max(r.end.column, r.start.column + 1) } : { line: r.start.line, column: f.lines.lineText(r.start.line - 1).length + 1 };
      const frame = codeFrameColumns(f.text, { start: { line: r.start.line, column: r.start.column }, end }, { highlightCode: false, linesAbove: 1, linesBelow: 1 });
      lines.push(frame.split("\n").map((l) => `  ${l}`).join("\n"));
    } else lines.push(`  ${c.cyan("-->")} (workspace)`);
    for (const rel of d.related ?? []) {
      const f = files.get(rel.file);
      const pos = f ? f.lines.position(rel.span.start) : null;
      lines.push(`  ${c.cyan("note")}: ${rel.message}${pos ? ` (${rel.file}:${pos.line + 1}:${pos.character + 1})` : ""}`);
    }
    lines.push(`  ${c.cyan("help")}: ${d.help ?? `run \`pmm explain ${d.rule}\` for why this matters and how to fix it`}`);
    parts.push(lines.join("\n"));
  }
  const n = countBySeverity(diagnostics);
  const summary =
    diagnostics.length === 0
      ? c.green(`✔ no problems in ${plural(fileCount, "file")}`)
      : `${n.error ? c.red("✖") : c.yellow("⚠")} ${[plural(n.error, "error"), plural(n.warning, "warning"), ...(n.info ? [plural(n.info, "info")] : []), ...(n.hint ? [plural(n.hint, "hint")] : [])].join(", ")} in ${plural(fileCount, "file")}`;
  const held = baselined ? c.dim(` (${plural(baselined, "finding")} held by the baseline)`) : "";
  return `${parts.length ? `${parts.join("\n\n")}\n\n` : ""}${summary}${held}\n`;
};
