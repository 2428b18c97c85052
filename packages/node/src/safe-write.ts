// Reading and writing the user's files, in one place for the CLI and the
// language server (docs/safety.md).
//
// readUserFile: reads a regular file of at most a size limit (a device, a FIFO,
// a folder or a bigger file is refused without reading it) and returns its
// bytes with a fingerprint (size, modification time, SHA-256 of the bytes).
//
// replaceUserFile: writes new contents over a file read with readUserFile, only
// when it is unchanged since (same size, time and hash), atomically: a temp
// file in the same folder, written, fsynced, given the original's mode, then
// renamed over the original (the folder is fsynced too). A kill or a full disk
// at any moment leaves the original or the new text, never less.
//
// writeUserFile: the same atomic write for outputs pmm creates (`-o FILE`,
// a baseline, `pmm init`), with no unchanged-since check; a device or FIFO
// (`-o /dev/stdout`) is written to directly.
//
// Expected failures are values ({ ok: false, message }), never exceptions;
// messages have no path (the caller puts it first).
import { createHash, randomBytes } from "node:crypto";
import {
  closeSync,
  constants,
  fchmodSync,
  fchownSync,
  fstatSync,
  fsyncSync,
  openSync,
  readSync,
  realpathSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
  type BigIntStats,
  type Stats,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { MAX_FILE_BYTES, tooLargeMessage } from "@pmm/core";

/** What a file was when it was read: compared again before it is replaced. */
export interface Fingerprint {
  readonly size: number;
  /** Modification time in nanoseconds. */
  readonly mtimeNs: bigint;
  /** SHA-256 of the bytes, hex. */
  readonly hash: string;
}

/** Why a read failed. */
export type ReadProblem = "missing" | "not-a-file" | "too-large" | "unreadable";

/** A file read (or why not). */
export type ReadResult =
  | { readonly ok: true; readonly bytes: Uint8Array; readonly fingerprint: Fingerprint }
  | { readonly ok: false; readonly problem: ReadProblem; readonly message: string };

/** Why a write failed: the file changed since it was read, it is read-only, or the write itself failed. */
export type WriteProblem = "changed" | "read-only" | "failed";

/** A write done (or why not); on failure the original is as it was. */
export type WriteResult = { readonly ok: true } | { readonly ok: false; readonly problem: WriteProblem; readonly message: string };

/** An errno code (`ENOSPC`) in words, code kept for searching. */
export function reason(e: unknown): string {
  const code = (e as NodeJS.ErrnoException).code;
  const words: Record<string, string> = {
    ENOENT: "it does not exist",
    EACCES: "permission denied",
    EPERM: "operation not permitted",
    ENOSPC: "no space left on the device",
    EDQUOT: "disk quota exceeded",
    EROFS: "the file system is read-only",
    EISDIR: "it is a folder",
    EIO: "input/output error",
    EMFILE: "too many open files",
    ENAMETOOLONG: "the name is too long",
    EPIPE: "the reader closed the pipe",
    EBADF: "the descriptor is not open for writing",
  };
  if (code !== undefined) return `${Object.hasOwn(words, code) ? words[code] : "failed"} (${code})`;
  return String((e as Error).message ?? e).split("\n")[0]!;
}

/** The SHA-256 of bytes, hex. */
function sha256(bytes: Uint8Array): string {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The fingerprint of bytes read; the hash is computed on first use (only a write compares it, so a check never pays for it). */
class ReadFingerprint implements Fingerprint {
  private digest: string | undefined;

  constructor(
    readonly size: number,
    readonly mtimeNs: bigint,
    private readonly bytes: Uint8Array,
  ) {}

  get hash(): string {
    this.digest ??= sha256(this.bytes);
    return this.digest;
  }
}

/**
 * Reads a regular file of at most `limit` bytes. Opened without blocking (a
 * FIFO would wait for a writer) and checked on the open descriptor, so what is
 * checked is what is read.
 */
export function readUserFile(path: string, limit = MAX_FILE_BYTES): ReadResult {
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return { ok: false, problem: "missing", message: "no such file" };
    return { ok: false, problem: "unreadable", message: `cannot read: ${reason(e)}` };
  }
  try {
    const st = fstatSync(fd, { bigint: true });
    if (st.isDirectory()) return { ok: false, problem: "not-a-file", message: "it is a folder, not a file" };
    if (!st.isFile()) return { ok: false, problem: "not-a-file", message: "not a regular file (a device, FIFO or socket); pmm reads only regular files" };
    if (st.size > BigInt(limit)) return { ok: false, problem: "too-large", message: tooLargeMessage(Number(st.size), limit) };
    // Read to the end, but never past the limit: the file may grow while it is read.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(Math.max(Number(st.size) - total, 0) + 1, limit + 1 - total, 1 << 24));
      const n = readSync(fd, chunk, 0, chunk.length, null);
      if (n === 0) break;
      chunks.push(n === chunk.length ? chunk : chunk.subarray(0, n));
      total += n;
      if (total > limit) return { ok: false, problem: "too-large", message: tooLargeMessage(total, limit) };
    }
    const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
    const after = fstatSync(fd, { bigint: true });
    return { ok: true, bytes, fingerprint: new ReadFingerprint(total, after.mtimeNs, bytes) };
  } catch (e) {
    return { ok: false, problem: "unreadable", message: `cannot read: ${reason(e)}` };
  } finally {
    closeSync(fd);
  }
}

/**
 * A failed read as the message of a finding on the file (core:
 * `WorkspaceFile.problem`): what is wrong, then how to fix it.
 */
export function unreadable(r: Extract<ReadResult, { ok: false }>): string {
  switch (r.problem) {
    case "missing":
      return "the file was deleted or moved after pmm found it; run pmm again";
    case "too-large":
      return r.message;
    case "not-a-file":
      return `cannot read the file: ${r.message}`;
    case "unreadable":
      return `${r.message}; give pmm read access, or leave the file out with \`exclude\` in pmm.config.yaml`;
  }
}

/** Null when the file at `path` still matches the fingerprint, else what changed. */
function changedSince(path: string, was: Fingerprint): string | null {
  let st: BigIntStats;
  try {
    st = statSync(path, { bigint: true });
  } catch {
    return "it was deleted or moved since pmm read it";
  }
  if (Number(st.size) !== was.size || st.mtimeNs !== was.mtimeNs) return "it changed since pmm read it";
  const now = readUserFile(path, Math.max(was.size, 1));
  if (!now.ok || now.fingerprint.hash !== was.hash) return "it changed since pmm read it";
  return null;
}

/** True when the mode bits allow no one to write (root ignores them, pmm does not). */
function readOnly(st: Stats): boolean {
  return (st.mode & 0o222) === 0;
}

/** Writes all of `data` to `fd`. */
function writeAll(fd: number, data: Uint8Array): void {
  let off = 0;
  while (off < data.length) off += writeSync(fd, data, off, data.length - off);
}

/** Fsyncs a folder so a rename in it survives a crash; file systems that cannot are fine. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, constants.O_RDONLY);
    fsyncSync(fd);
  } catch {
    // (some file systems refuse to fsync a folder; the rename itself is still atomic)
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * Writes `data` to a temp file beside `target`, fsynced, with `st`'s mode
 * (and owner, when allowed), then renames it over `target`. `beforeRename`
 * may veto at the last moment (a message) — the temp file is then removed.
 */
function atomicReplace(target: string, data: Uint8Array, st: Stats | null, beforeRename: () => string | null): WriteResult {
  const dir = dirname(target);
  const temp = join(dir, `.${basename(target)}.pmm-${process.pid}-${randomBytes(4).toString("hex")}.tmp`);
  let fd: number | undefined;
  try {
    // A new file gets 0666 less the umask, as any other program's would; a replaced one keeps its mode.
    fd = openSync(temp, constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL, st ? 0o600 : 0o666);
    writeAll(fd, data);
    if (st) {
      try {
        fchownSync(fd, st.uid, st.gid);
      } catch {
        // (only root or the owner can; the mode below is what matters)
      }
    }
    if (st) fchmodSync(fd, st.mode & 0o7777);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    const veto = beforeRename();
    if (veto !== null) {
      unlinkSync(temp);
      return { ok: false, problem: "changed", message: `${veto}; run pmm again` };
    }
    renameSync(temp, target);
  } catch (e) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // (already failing)
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // (never created, or already gone)
    }
    return { ok: false, problem: "failed", message: `cannot write: ${reason(e)}${st ? "; the file is unchanged" : ""}` };
  }
  syncFolder(dir);
  return { ok: true };
}

/**
 * Replaces a file read with readUserFile by `data`, when it is unchanged
 * since (size, modification time and hash). Symbolic links are followed: the
 * file they point to is replaced and the link stays a link.
 */
export function replaceUserFile(path: string, data: Uint8Array, read: Fingerprint): WriteResult {
  let target: string;
  let st: Stats;
  try {
    target = realpathSync(path);
    st = statSync(target);
  } catch {
    return { ok: false, problem: "changed", message: "it was deleted or moved since pmm read it; run pmm again" };
  }
  if (!st.isFile()) return { ok: false, problem: "changed", message: "it is no longer a regular file" };
  if (readOnly(st)) return { ok: false, problem: "read-only", message: "the file is read-only; make it writable to let pmm change it" };
  const first = changedSince(target, read);
  if (first !== null) return { ok: false, problem: "changed", message: `${first}; run pmm again` };
  // Checked again just before the rename: an edit saved while the temp file was written wins.
  return atomicReplace(target, data, st, () => changedSince(target, read));
}

/** Creates or replaces an output file atomically; a device or FIFO is written to directly. */
export function writeUserFile(path: string, data: Uint8Array): WriteResult {
  let target = path;
  let st: Stats | null = null;
  try {
    target = realpathSync(path);
    st = statSync(target);
  } catch {
    // a new file
  }
  if (st && !st.isFile()) {
    if (st.isDirectory()) return { ok: false, problem: "failed", message: "cannot write: it is a folder" };
    let fd: number | undefined;
    try {
      fd = openSync(target, constants.O_WRONLY);
      writeAll(fd, data);
      return { ok: true };
    } catch (e) {
      return { ok: false, problem: "failed", message: `cannot write: ${reason(e)}` };
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }
  if (st && readOnly(st)) return { ok: false, problem: "read-only", message: "the file is read-only; make it writable to let pmm replace it" };
  return atomicReplace(target, data, st, () => null);
}
