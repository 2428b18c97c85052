import type { FileNode } from "../ast/nodes.js";
import { Parser, type SyntaxError } from "./parse.js";
import { LineIndex } from "../text/line-index.js";
import { decodeUtf8, type DecodeError } from "../text/utf8.js";

/** One parsed `.pmm` file of a workspace. */
export interface SourceFile {
  /** Workspace-relative path with `/` separators (or any stable key, e.g. a URI). */
  readonly path: string;
  readonly text: string;
  readonly lines: LineIndex;
  readonly ast: FileNode;
  readonly syntaxErrors: readonly SyntaxError[];
  /** True for the built-in `std` catalog. */
  readonly builtin: boolean;
}

/** A file's contents as given to the core: text, or raw bytes to decode as UTF-8. */
export type FileContents = string | Uint8Array;

/** Decodes bytes as UTF-8 (BOM stripped); invalid sequences become U+FFFD (text/utf8.ts finds them). */
export function decodeText(contents: FileContents): string {
  if (typeof contents !== "string") return decodeUtf8(contents).text;
  return contents.charCodeAt(0) === 0xfeff ? contents.slice(1) : contents;
}

/**
 * Parses one file. Never throws. Bytes that are not UTF-8 are `syntax`
 * errors at their place (the lexer's own complaint about the U+FFFD standing
 * for them is dropped). `problem` is why the file could not be read (said by
 * the caller): the file is then empty, with that one error at its start.
 * `parser` is the caller's when it parses many files.
 */
export function parseSource(path: string, contents: FileContents, builtin = false, problem?: string, parser: Parser = new Parser()): SourceFile {
  if (problem !== undefined) {
    const { ast } = parser.parse("");
    return { path, text: "", lines: new LineIndex(""), ast, syntaxErrors: [{ span: { start: 0, end: 0 }, message: problem }], builtin };
  }
  const decoded = typeof contents === "string" ? null : decodeUtf8(contents);
  const text = decoded ? decoded.text : decodeText(contents);
  const { ast, errors } = parser.parse(text);
  const syntaxErrors = decoded && decoded.errors.length > 0 ? withDecodeErrors(text, errors, decoded.errors) : errors;
  return { path, text, lines: new LineIndex(text), ast, syntaxErrors, builtin };
}

/** Parse errors and decode errors in offset order; a parse error on a U+FFFD that a decode error covers is the same complaint. */
function withDecodeErrors(text: string, errors: readonly SyntaxError[], decodeErrors: readonly DecodeError[]): SyntaxError[] {
  const out: SyntaxError[] = [...decodeErrors];
  let d = 0; // both lists are in offset order
  for (const e of errors) {
    while (d < decodeErrors.length && decodeErrors[d]!.span.end <= e.span.start) d++;
    const covered = d < decodeErrors.length && decodeErrors[d]!.span.start <= e.span.start && text.charCodeAt(e.span.start) === 0xfffd;
    if (!covered) out.push(e);
  }
  return out.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end);
}
