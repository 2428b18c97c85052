// Test helper: the `.pmm` files of a folder on disk as workspace files, for
// unit tests of the core (which itself reads no files).
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { WorkspaceFile } from "../../packages/core/src/index.js";

/** Every `.pmm` under a folder, with folder-relative paths, sorted. */
export function filesUnder(dir: string, prefix = ""): WorkspaceFile[] {
  const out: WorkspaceFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) out.push(...filesUnder(full, `${prefix}${name}/`));
    else if (name.endsWith(".pmm")) out.push({ path: `${prefix}${name}`, contents: readFileSync(full, "utf8") });
  }
  return out;
}
