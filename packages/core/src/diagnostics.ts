import type { Span } from "./text/span.js";

/** Diagnostic severities, most severe first. */
export const SEVERITIES = ["error", "warning", "info", "hint"] as const;

/** A diagnostic severity. */
export type Severity = (typeof SEVERITIES)[number];

/** A configured severity: a severity, or `off`. */
export type SeveritySetting = Severity | "off";

/** A secondary location that explains a diagnostic. */
export interface RelatedInfo {
  readonly file: string;
  readonly span: Span;
  readonly message: string;
}

/** A text edit in one file (offsets). */
export interface TextEdit {
  readonly file: string;
  readonly span: Span;
  readonly newText: string;
}

/** A suggested fix: a title and edits. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /**
   * True when `pmm check --fix` may apply it unasked: the edit is exactly what
   * the message asks for and needs no decision (a did-you-mean name or enum
   * word, a missing sign-off team, a retired metric's replacement). A
   * placeholder value or a suppression is never safe.
   */
  readonly safe?: boolean;
}

/** The safe fix that replaces a misspelt name or word with the suggestion (`Change to \`win_rate\``). */
export function suggestionFix(file: string, span: Span, suggestion: string): Fix {
  return { title: `Change to \`${suggestion}\``, edits: [{ file, span, newText: suggestion }], safe: true };
}

/** One finding, in offsets. Lines and columns are derived at the edges. */
export interface Diagnostic {
  readonly rule: string;
  readonly severity: Severity;
  readonly message: string;
  /** Workspace path of the file; null for a workspace finding with no blueprint. */
  readonly file: string | null;
  readonly span: Span | null;
  /** Id of the enclosing declaration, or null. */
  readonly declaration: string | null;
  /** What to do about it (printed as `help:` by the pretty reporter). */
  readonly help?: string;
  readonly related?: readonly RelatedInfo[];
  readonly fixes?: readonly Fix[];
  /** The message id within the rule (travels to code actions). */
  readonly messageId?: string;
  /** Structured data behind the message (e.g. `{ suggestion }`), for code actions. */
  readonly data?: Readonly<Record<string, string>>;
  /** Marks a diagnostic on unused code (the editor fades it). */
  readonly unnecessary?: boolean;
}

/** Orders diagnostics by file, offset, rule, message (deterministic output). */
export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  const fa = a.file ?? "";
  const fb = b.file ?? "";
  if (fa !== fb) return fa < fb ? -1 : 1;
  const sa = a.span?.start ?? -1;
  const sb = b.span?.start ?? -1;
  if (sa !== sb) return sa - sb;
  const ea = a.span?.end ?? -1;
  const eb = b.span?.end ?? -1;
  if (ea !== eb) return ea - eb;
  if (a.rule !== b.rule) return a.rule < b.rule ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
