import type { FileNode } from "../ast/nodes.js";
import { Parser, type SyntaxError } from "./parse.js";
import { LineIndex } from "../text/line-index.js";

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

const decoder = new TextDecoder("utf-8", { fatal: false, ignoreBOM: false });

/** Decodes bytes as UTF-8 (BOM stripped); invalid sequences become U+FFFD, which the lexer reports. */
export function decodeText(contents: FileContents): string {
  if (typeof contents !== "string") return decoder.decode(contents);
  return contents.charCodeAt(0) === 0xfeff ? contents.slice(1) : contents;
}

/** Parses one file (with `parser`, when the caller parses many). Never throws. */
export function parseSource(path: string, contents: FileContents, builtin = false, parser: Parser = new Parser()): SourceFile {
  const text = decodeText(contents);
  const { ast, errors } = parser.parse(text);
  return { path, text, lines: new LineIndex(text), ast, syntaxErrors: errors, builtin };
}
