// Replacing a user's file without ever losing it: a temp file in the same
// folder, fsync, rename over the original (keeping its mode), and only when
// the file is still what was read (content hash, then size and mtime right
// before the rename). Used by `pmm check --fix`.
import { createHash, randomBytes } from "node:crypto";
import { closeSync, fstatSync, fsyncSync, openSync, readFileSync, realpathSync, renameSync, statSync, unlinkSync, writeSync, chmodSync } from "node:fs";
import { basename, dirname, join } from "node:path";

/** What a replacement did: written, or why not (one line). */
export type WriteOutcome = { readonly written: true } | { readonly written: false; readonly reason: string };

function digest(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

function code(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String((e as Error).message).split("\n")[0]!;
}

/**
 * Replaces the file at `path` with `text` (UTF-8) when its bytes are still
 * `original`. A symbolic link is followed (the link stays a link). On any
 * failure the original is untouched and the temp file removed.
 */
export function safeWrite(path: string, text: string, original: Uint8Array): WriteOutcome {
  let target: string;
  let mode: number;
  let size: number;
  let mtimeMs: number;
  try {
    target = realpathSync(path);
    const fd = openSync(target, "r");
    try {
      const st = fstatSync(fd);
      mode = st.mode & 0o7777;
      size = st.size;
      mtimeMs = st.mtimeMs;
    } finally {
      closeSync(fd);
    }
    if (digest(readFileSync(target)) !== digest(original)) return { written: false, reason: "changed since it was read; left as it is" };
  } catch (e) {
    return { written: false, reason: `cannot read: ${code(e)}` };
  }
  const temp = join(dirname(target), `.${basename(target)}.${randomBytes(6).toString("hex")}.pmm-tmp`);
  let created = false;
  try {
    const fd = openSync(temp, "wx", mode);
    created = true;
    try {
      writeSync(fd, Buffer.from(text, "utf8"));
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    chmodSync(temp, mode);
    const now = statSync(target);
    if (now.size !== size || now.mtimeMs !== mtimeMs) {
      unlinkSync(temp);
      return { written: false, reason: "changed since it was read; left as it is" };
    }
    renameSync(temp, target);
    created = false;
    return { written: true };
  } catch (e) {
    if (created) {
      try {
        unlinkSync(temp);
      } catch {
        // the temp file is gone already
      }
    }
    return { written: false, reason: `cannot write: ${code(e)}` };
  }
}
