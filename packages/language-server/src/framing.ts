// The base protocol's framing, checked as the bytes arrive on stdin.
//
// vscode-jsonrpc's reader stops understanding the stream after one malformed
// header (`Content-Length: abc`, `-5`, headers ended by LF alone): it answers
// nothing more, ignores `exit` and logs nothing. There is no safe way to find
// the next message in a stream whose lengths cannot be trusted, so the server
// does not try: the first framing error is one line on stderr and exit 1, and
// the editor's client restarts the server (docs/safety.md, "The language
// server's input").

/** The largest message body accepted (bytes): far above any real request. */
export const MAX_MESSAGE_BYTES = 256 * 1024 * 1024;
/** The longest header part accepted (bytes). */
const MAX_HEADER_BYTES = 8 * 1024;

/** Follows the framing of the bytes given to push(); the first problem found is returned, and every push after it returns it again. */
export class FrameChecker {
  /** Header bytes of the message being read (as latin1 text). */
  private header = "";
  /** Body bytes still to skip. */
  private body = 0;
  private problem: string | null = null;

  /** Takes the next chunk; the framing problem, if one has been found. */
  push(chunk: Uint8Array): string | null {
    let i = 0;
    while (this.problem === null && i < chunk.length) {
      if (this.body > 0) {
        const n = Math.min(this.body, chunk.length - i);
        this.body -= n;
        i += n;
        continue;
      }
      // Header bytes up to the blank line that ends them.
      const c = chunk[i++]!;
      this.header += String.fromCharCode(c);
      if (c === 10) {
        if (!this.header.endsWith("\r\n")) {
          this.problem = `a header line ends with LF alone (${shown(this.header)}); each header line must end with CR LF`;
        } else if (this.header.endsWith("\r\n\r\n") || this.header === "\r\n") {
          this.problem = this.endHeader();
        }
      } else if (this.header.length > MAX_HEADER_BYTES) {
        this.problem = `a header longer than ${MAX_HEADER_BYTES} bytes (${shown(this.header)}); expected \`Content-Length: N\` then a blank line`;
      }
    }
    return this.problem;
  }

  /** Reads the header part just ended; the problem with it, or null (then the body follows). */
  private endHeader(): string | null {
    const text = this.header;
    this.header = "";
    let length: number | null = null;
    for (const line of text.split("\r\n").slice(0, -2)) {
      const colon = line.indexOf(":");
      if (colon <= 0) return `a header line that is not \`Name: value\` (${shown(line)})`;
      const name = line.slice(0, colon).trim().toLowerCase();
      const value = line.slice(colon + 1).trim();
      if (name !== "content-length") continue;
      if (!/^\d{1,10}$/.test(value)) return `\`Content-Length: ${shown(value, false)}\` is not a length in bytes; expected a whole number`;
      length = Number(value);
      if (length > MAX_MESSAGE_BYTES) return `\`Content-Length: ${value}\` is more than the ${MAX_MESSAGE_BYTES} bytes a message may have`;
    }
    if (length === null) return `a header without \`Content-Length\` (${shown(text)})`;
    this.body = length;
    return null;
  }
}

/** Header text for a message: control characters escaped, at most 60 characters. */
function shown(text: string, quote = true): string {
  const cut = text.length > 60 ? `${text.slice(0, 60)}…` : text;
  const escaped = cut.replace(/[\u0000-\u001f\u007f-\u009f]/g, (c) => (c === "\r" ? "\\r" : c === "\n" ? "\\n" : `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`));
  return quote ? `"${escaped}"` : escaped;
}
