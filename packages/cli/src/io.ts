import type { Fingerprint, ReadResult, WriteResult } from "@pmm/node";

export type { Fingerprint, ReadProblem, ReadResult, WriteProblem, WriteResult } from "@pmm/node";

/** What commands may do to the outside world; main.ts gives the real one, tests a fake. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colours allowed unless NO_COLOR). */
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /**
   * Reads a regular file of at most `limit` bytes (default: core's
   * MAX_FILE_BYTES) with its fingerprint; devices, FIFOs, folders and bigger
   * files are refused unread. Never throws (packages/node/src/safe-write.ts).
   */
  read(path: string, limit?: number): ReadResult;
  /** `read`, with a failure thrown as a UsageError (`PATH: why`). */
  readFile(path: string, limit?: number): Uint8Array;
  /**
   * Replaces a file read with `read` when it is unchanged since (size, time,
   * hash), atomically, keeping its mode. Never throws (packages/node/src/safe-write.ts).
   */
  replace(path: string, data: Uint8Array, read: Fingerprint): WriteResult;
  /** Creates or replaces an output file atomically; throws a UsageError on failure. */
  writeFile(path: string, text: string): void;
  /**
   * `file`, `dir`, `symlink`, `other` (a device, FIFO or socket) or null when
   * missing. With `follow`, a symbolic link reports what it points to.
   */
  stat(path: string, follow?: boolean): "file" | "dir" | "symlink" | "other" | null;
  readDir(path: string): string[];
  mkdir(path: string): void;
  /** Today as an ISO date (the real date). */
  today(): string;
}

/** A user-facing failure: printed as one line (or one line per problem, `lines`), exit code 2. */
export class UsageError extends Error {
  /** What is printed, one `pmm: …` line each: the message, or every problem when there are several. */
  readonly lines: readonly string[];

  constructor(message: string, lines: readonly string[] = [message]) {
    super(message);
    this.name = "UsageError";
    this.lines = lines.length > 0 ? lines : [message];
  }
}
