import type { Declaration } from "../ast/nodes.js";
import type { Span } from "../text/span.js";
import { isIsoDate } from "./periods.js";
import type { SourceFile } from "../syntax/source.js";

/** A `# pmm-ignore RULE[, RULE] [until DATE]: reason` comment. */
export interface Suppression {
  readonly file: SourceFile;
  readonly span: Span;
  /** Rule ids with their spans in the comment. */
  readonly rules: ReadonlyArray<{ readonly id: string; readonly span: Span }>;
  readonly until: string | null;
  readonly reason: string;
  /** What is wrong with the comment itself, if anything (besides unknown rule ids). */
  readonly problem: string | null;
  /** The span it silences: the declaration or property that starts with the next token (comments skipped); null when there is none. */
  readonly target: Span | null;
  /** The declaration the target is in. */
  readonly decl: Declaration | null;
}

const PATTERN = /^#\s*pmm-ignore\b/;

/** True for a `# pmm-ignore …` comment (it covers what starts on the next line, so fmt keeps that line right below it). */
export function isSuppressionComment(text: string): boolean {
  return PATTERN.test(text);
}

/** Finds the suppressions of a file and what each one covers. */
export function fileSuppressions(file: SourceFile): Suppression[] {
  const out: Suppression[] = [];
  const comments = file.ast.comments;
  if (!comments.some((c) => PATTERN.test(c.text))) return out;
  // Nodes that can be suppressed, by the offset of their first token.
  const byStart = new Map<number, { span: Span; decl: Declaration }>();
  for (const d of file.ast.declarations) {
    const put = (span: Span): void => {
      if (!byStart.has(span.start)) byStart.set(span.start, { span, decl: d });
    };
    put(d.span);
    for (const m of d.members) {
      put(m.span);
      if (m.type !== "property") for (const p of m.properties) put(p.span);
    }
  }
  // The first token after each comment, other comments skipped: one pass from the end.
  const text = file.text;
  const nextToken = new Array<number>(comments.length);
  for (let i = comments.length - 1; i >= 0; i--) {
    let j = comments[i]!.span.end;
    while (j < text.length && /\s/.test(text[j]!)) j++;
    nextToken[i] = i + 1 < comments.length && comments[i + 1]!.span.start === j ? nextToken[i + 1]! : j;
  }
  comments.forEach((c, i) => {
    if (!PATTERN.test(c.text)) return;
    const start = c.span.start;
    const body = c.text.replace(PATTERN, "");
    const bodyStart = start + (c.text.length - body.length);
    const colon = body.indexOf(":");
    const head = colon >= 0 ? body.slice(0, colon) : body;
    const reason = colon >= 0 ? body.slice(colon + 1).trim() : "";
    let until: string | null = null;
    let problem: string | null = null;
    const rules: Array<{ id: string; span: Span }> = [];
    const untilMatch = /\buntil\s+(\S+)/.exec(head);
    const rulePart = untilMatch ? head.slice(0, untilMatch.index) : head;
    const re = /[^\s,]+/g;
    for (let m = re.exec(rulePart); m; m = re.exec(rulePart)) {
      rules.push({ id: m[0], span: { start: bodyStart + m.index, end: bodyStart + m.index + m[0].length } });
    }
    if (untilMatch) {
      until = untilMatch[1]!;
      if (!isIsoDate(until)) problem = `\`until ${until}\` is not a date; write \`until YYYY-MM-DD\``;
      else if (head.slice(untilMatch.index + untilMatch[0].length).trim() !== "") problem = "write `# pmm-ignore RULE until DATE: reason`";
    }
    if (rules.length === 0) problem = "`pmm-ignore` names no rule; write `# pmm-ignore RULE-ID: reason`";
    else if (!problem && reason === "") problem = "`pmm-ignore` needs a reason after `:`; say why the finding does not apply here";
    // target: the declaration or property that starts with the next token, whatever the line breaks and comments between
    const node = byStart.get(nextToken[i]!);
    out.push({ file, span: c.span, rules, until, reason, problem, target: node?.span ?? null, decl: node?.decl ?? null });
  });
  return out;
}
