import { rangeOf, type Reporter } from "./types.js";

/** Escapes a workflow command's message (GitHub's rules: `%`, CR, LF). */
export function escapeData(text: string): string {
  return text.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (`%`, CR, LF, `:` and `,`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** `--format github`: one workflow command per finding (`::error`, `::warning`, `::notice` for info and hint). */
export const github: Reporter = ({ diagnostics, files }) => {
  let out = "";
  for (const d of diagnostics) {
    const command = d.severity === "error" ? "error" : d.severity === "warning" ? "warning" : "notice";
    const r = rangeOf(d, files);
    const props: string[] = [];
    if (d.file) props.push(`file=${escapeProperty(d.file)}`);
    if (r) props.push(`line=${r.start.line}`, `col=${r.start.column}`, `endLine=${r.end.line}`, `endColumn=${r.end.column}`);
    props.push(`title=${escapeProperty(`pmm(${d.rule})`)}`);
    out += `::${command} ${props.join(",")}::${escapeData(d.message)}\n`;
  }
  return out;
};
