/** What commands may do to the outside world; main.ts gives the real one, tests a fake. */
export interface Io {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** True when stdout is a terminal (colours allowed unless NO_COLOR). */
  readonly stdoutIsTTY: boolean;
  stdout(text: string): void;
  stderr(text: string): void;
  /** Reads a file's bytes; throws an IoError on failure. */
  readFile(path: string): Uint8Array;
  writeFile(path: string, text: string): void;
  /**
   * Replaces a user's file atomically (temp file, fsync, rename; mode kept)
   * when its bytes are still `original`; null when written, else why not (one line).
   */
  replaceFile(path: string, text: string, original: Uint8Array): string | null;
  /**
   * `file`, `dir`, `symlink` or null when missing (or neither a file nor a
   * folder). With `follow`, a symbolic link reports what it points to.
   */
  stat(path: string, follow?: boolean): "file" | "dir" | "symlink" | null;
  readDir(path: string): string[];
  mkdir(path: string): void;
  /** Today as an ISO date (the real date). */
  today(): string;
}

/** A user-facing failure: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}
