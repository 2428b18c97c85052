// Open documents (the editor's buffers, which override the disk) and URIs.
// Files on disk are read by session.ts with @pmm/node's readUserFile (the
// core selects which files: project/files.ts).
import { TextDocument } from "vscode-languageserver-textdocument";
import type { TextDocumentContentChangeEvent } from "vscode-languageserver/node";
import { URI } from "vscode-uri";

/** A URI in one canonical spelling (the key of a file in the workspace); null when it does not parse. */
export function normalizeUri(uri: unknown): string | null {
  if (typeof uri !== "string" || uri === "") return null;
  try {
    return URI.parse(uri).toString();
  } catch {
    return null;
  }
}

/** The URI of a file-system path. */
export function uriOfPath(path: string): string {
  return URI.file(path).toString();
}

/** The file-system path of a `file:` URI, or null for other schemes. */
export function pathOfUri(uri: string): string | null {
  try {
    const u = URI.parse(uri);
    return u.scheme === "file" ? u.fsPath : null;
  } catch {
    return null;
  }
}

/** The editor's open documents, by canonical URI. */
export class OpenDocuments {
  private readonly docs = new Map<string, TextDocument>();

  /** Records an opened document. */
  open(uri: string, languageId: string, version: number, text: string): TextDocument {
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  /** Applies changes to an open document; undefined when it is not open. */
  change(uri: string, version: number, changes: readonly TextDocumentContentChangeEvent[]): TextDocument | undefined {
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    const valid = changes.filter((c) => typeof c === "object" && c !== null && typeof c.text === "string");
    TextDocument.update(doc, valid, version);
    return doc;
  }

  /** Forgets a document; true when it was open. */
  close(uri: string): boolean {
    return this.docs.delete(uri);
  }

  /** An open document. */
  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  /** True when a document is open. */
  has(uri: string): boolean {
    return this.docs.has(uri);
  }
}
