import type { Command } from "commander";
import { checkCommand } from "./check.js";
import { compileCommand } from "./compile.js";
import { diffCommand } from "./diff.js";
import { explainCommand } from "./explain.js";
import { exportCommand } from "./export.js";
import { fmtCommand } from "./fmt.js";
import { initCommand } from "./init.js";
import { renderCommand } from "./render.js";
import { schemaCommand } from "./schema.js";
import type { CommandContext } from "./shared.js";
import { treeCommand } from "./tree.js";

/** Every `pmm` subcommand, in help order. */
export const COMMANDS: ReadonlyArray<(ctx: CommandContext) => Command> = [
  checkCommand,
  compileCommand,
  fmtCommand,
  initCommand,
  explainCommand,
  schemaCommand,
  renderCommand,
  treeCommand,
  exportCommand,
  diffCommand,
];
