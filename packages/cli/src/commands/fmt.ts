import { resolve } from "node:path";
import { Command } from "commander";
import { format, LineIndex, Parser } from "@pmm/core";
import { fileFilter } from "../config.js";
import { loadWorkspace } from "../workspace-loader.js";
import { loadConfig, type CommandContext } from "./shared.js";

interface FmtOptions {
  check?: boolean;
  config?: string;
}

// Keeps a BOM so that writing the file back changes nothing but the layout.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * `pmm fmt [PATH...]`: formats every `.pmm` file under the paths in place
 * and prints the files it changed. `--check` writes nothing, lists the files
 * that would change and exits 1 if there are any. A file with syntax errors
 * is left untouched; its errors go to stderr as `file:line:col message` and
 * the exit code is 1. Files the config's `exclude` leaves out are skipped.
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
      const loaded = loadWorkspace(io, paths, fileFilter(found.config), found.path ?? undefined);
      const parser = new Parser();
      let changed = 0;
      let broken = 0;
      for (const file of loaded.files) {
        const text = typeof file.contents === "string" ? file.contents : decoder.decode(file.contents);
        const r = format(text, { parser });
        if ("errors" in r) {
          broken++;
          // positions as `pmm check` gives them: in the text without its BOM
          const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
          const lines = new LineIndex(text.slice(bom));
          for (const e of r.errors) {
            const p = lines.position(Math.max(0, e.span.start - bom));
            io.stderr(`${file.path}:${p.line + 1}:${p.character + 1} ${e.message}\n`);
          }
          continue;
        }
        if (!r.changed) continue;
        changed++;
        if (!opts.check) io.writeFile(resolve(io.cwd, file.path), r.text);
        io.stdout(`${file.path}\n`);
      }
      ctx.exit(broken > 0 || (opts.check && changed > 0) ? 1 : 0);
    });
}
