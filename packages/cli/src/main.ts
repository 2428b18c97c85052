import { lstatSync, statSync, mkdirSync, readdirSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { readUserFile, replaceUserFile, writeUserFile } from "@pmm/node";
import { Command, CommanderError } from "commander";
import { COMMANDS } from "./commands/index.js";
import { VERSION } from "./generated/rule-docs.js";
import { UsageError, type Io } from "./io.js";
import { visible } from "./visible.js";

/** A path as the user sees it: relative to the current directory, `/` separators. */
function shown(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel === "" ? "." : rel.startsWith("..") || isAbsolute(rel) ? path : rel).split(sep).join("/");
}

/** An I/O failure as one line: the error code (`EACCES`), else the first line of the message. */
function why(e: unknown): string {
  return (e as NodeJS.ErrnoException).code ?? String((e as Error).message).split("\n")[0]!;
}

/** The real world: the only place with process and file-system access. */
export function nodeIo(): Io {
  return {
    cwd: process.cwd(),
    env: process.env,
    stdoutIsTTY: process.stdout.isTTY === true,
    stdout: (t) => void process.stdout.write(t),
    stderr: (t) => void process.stderr.write(t),
    read: (path, limit) => readUserFile(path, limit),
    readFile(path, limit) {
      const r = readUserFile(path, limit);
      if (!r.ok) throw new UsageError(`${shown(path)}: ${r.message}`);
      return r.bytes;
    },
    replace: (path, data, read) => replaceUserFile(path, data, read),
    writeFile(path, text) {
      const r = writeUserFile(path, Buffer.from(text, "utf8"));
      if (!r.ok) throw new UsageError(`${shown(path)}: ${r.message}`);
    },
    stat(path, follow = false) {
      try {
        const s = follow ? statSync(path) : lstatSync(path);
        return s.isSymbolicLink() ? "symlink" : s.isDirectory() ? "dir" : s.isFile() ? "file" : "other";
      } catch {
        return null;
      }
    },
    readDir(path) {
      try {
        return readdirSync(path);
      } catch (e) {
        throw new UsageError(`${shown(path)}: cannot read folder: ${why(e)}`);
      }
    },
    mkdir(path) {
      try {
        mkdirSync(path, { recursive: true });
      } catch (e) {
        throw new UsageError(`${shown(path)}: cannot create folder: ${why(e)}`);
      }
    },
    today: () => new Date().toISOString().slice(0, 10),
  };
}

/** Runs `pmm` with arguments; resolves to the exit code. Never throws. */
export async function main(argv: readonly string[], io: Io = nodeIo()): Promise<number> {
  let code = 0;
  const ctx = { io, exit: (c: number) => void (code = c) };
  // Usage mistakes print as one line: `pmm: unknown option '--x' (Did you mean --max-warnings?)`.
  const output = {
    writeOut: (s: string) => io.stdout(s),
    writeErr: (s: string) => io.stderr(s),
    outputError: (s: string) =>
      io.stderr(
        `pmm: ${visible(
          s
            .replace(/^error:\s*/, "")
            .trim()
            .replace(/\s*\n\s*/g, " "),
        )}\n`,
      ),
  };
  const program = new Command("pmm")
    .description("metrics as code for product marketing: check, compile and format .pmm workspaces")
    .version(VERSION)
    .exitOverride()
    .configureOutput(output);
  for (const make of COMMANDS) program.addCommand(make(ctx).exitOverride().configureOutput(output));
  try {
    await program.parseAsync([...argv], { from: "user" });
    return code;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version exit 0; usage mistakes were already printed by commander
      return e.exitCode === 0 ? 0 : 2;
    }
    if (e instanceof UsageError) {
      for (const line of e.lines) io.stderr(`pmm: ${visible(line)}\n`);
      return 2;
    }
    const message = e instanceof Error ? e.message : String(e);
    io.stderr(`pmm: internal error (a bug — please report it): ${visible(message.split("\n")[0]!)}\n`);
    return 2;
  }
}
