import { lstatSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands/index.js";
import { UsageError, type Io } from "./io.js";

/** The real world: the only place with process and file-system access. */
export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    readFile(path) {
      try {
        return readFileSync(path);
      } catch (e) {
        throw new UsageError(`${path}: cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    },
    writeFile(path, text) {
      try {
        writeFileSync(path, text);
      } catch (e) {
        throw new UsageError(`${path}: cannot write: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    },
    stat(path) {
      try {
        const s = lstatSync(path);
        return s.isSymbolicLink() ? "symlink" : s.isDirectory() ? "dir" : s.isFile() ? "file" : null;
      } catch {
        return null;
      }
    },
    readDir(path) {
      try {
        return readdirSync(path);
      } catch (e) {
        throw new UsageError(`${path}: cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      }
    },
    mkdir(path) {
      mkdirSync(path, { recursive: true });
    },
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** Runs `pmm` with arguments; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  let code = 0;
  const ctx = { io, exit: (c: number) => void (code = c) };
  const program = new Command("pmm")
    .description("metrics as code for product marketing: check, compile and format .pmm workspaces")
    .version("0.1.0")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) });
  for (const make of COMMANDS) program.addCommand(make(ctx).exitOverride().configureOutput({ writeOut: (s) => io.stdout(s), writeErr: (s) => io.stderr(s) }));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage mistakes were already printed by commander
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      io.stderr(`pmm: ${e.message}\n`);
      return 2;
    }
    io.stderr(`pmm: internal error (a bug — please report it): ${(e as Error).message ?? String(e)}\n`);
    return 2;
  }
}
