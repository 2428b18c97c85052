import { Command } from "commander";
import { decodeUtf8, format, LineIndex, Parser } from "@pmm/core";
import { fileFilter } from "../config.js";
import { visible } from "../visible.js";
import { loadWorkspace } from "../workspace-loader.js";
import { loadConfig, type CommandContext } from "./shared.js";

interface FmtOptions {
  check?: boolean;
  config?: string;
}

/**
 * `pmm fmt [PATH...]`: formats every `.pmm` file under the paths in place
 * and prints the files it changed. `--check` writes nothing, lists the files
 * that would change and exits 1 if there are any. A file with syntax errors
 * or bytes that are not UTF-8 is left untouched; its errors go to stderr as
 * `file:line:col message` and the exit code is 1. A file that cannot be read
 * or written (too large, read-only, changed since it was read, a full disk)
 * is one line on stderr; the other files are still formatted and the exit
 * code is 2. Writes are atomic (packages/node/src/safe-write.ts): the original or the new text,
 * never less. Files the config's `exclude` leaves out are skipped.
 */
export function fmtCommand(ctx: CommandContext): Command {
  return new Command("fmt")
    .description("format .pmm files in place (--check: list the files that would change)")
    .argument("[paths...]", "files or folders to format", [])
    .option("--check", "write nothing; list the files that would change and exit 1 if any")
    .option("--config <file>", "use this config file instead of the nearest pmm.config.yaml")
    .action((paths: string[], opts: FmtOptions) => {
      const { io } = ctx;
      const found = loadConfig(io, paths, opts.config);
      const loaded = loadWorkspace(io, paths, fileFilter(found.config), found.path ?? undefined, true);
      const parser = new Parser();
      let changed = 0;
      let broken = 0;
      let failed = 0;
      for (const file of loaded.files) {
        if (file.fingerprint === null || typeof file.contents === "string") {
          failed++;
          io.stderr(`pmm: ${visible(file.path)}: not formatted: ${file.problem ?? "it could not be read"}\n`);
          continue;
        }
        const decoded = decodeUtf8(file.contents);
        // Bytes that are not UTF-8 would come back as U+FFFD: such a file is never rewritten.
        const errors = decoded.errors.length > 0 ? decoded.errors : null;
        // Keeps a BOM so that writing the file back changes nothing but the layout.
        const text = decoded.bom ? `\ufeff${decoded.text}` : decoded.text;
        const r = errors ? null : format(text, { parser });
        const problems = errors ?? (r && "errors" in r ? r.errors : null);
        if (problems) {
          broken++;
          // positions as `pmm check` gives them: in the text without its BOM
          const bom = errors ? 0 : decoded.bom ? 1 : 0;
          const lines = new LineIndex(decoded.text);
          for (const e of problems) {
            const p = lines.position(Math.max(0, e.span.start - bom));
            io.stderr(`${visible(file.path)}:${p.line + 1}:${p.character + 1} ${visible(e.message)}\n`);
          }
          continue;
        }
        if (!r || "errors" in r || !r.changed) continue;
        if (!opts.check) {
          const written = io.replace(file.abs, Buffer.from(r.text, "utf8"), file.fingerprint);
          if (!written.ok) {
            failed++;
            io.stderr(`pmm: ${visible(file.path)}: not formatted: ${written.message}\n`);
            continue;
          }
        }
        changed++;
        io.stdout(`${visible(file.path)}\n`);
      }
      ctx.exit(failed > 0 ? 2 : broken > 0 || (opts.check && changed > 0) ? 1 : 0);
    });
}
