// The core's file-system port (`ProjectFs`, core project/files.ts) over a
// file system: node:fs by default, or the two primitives a caller gives (the
// CLI passes its `Io`, so commands run over whatever file system it holds).
import { lstatSync, readdirSync } from "node:fs";
import { dirname, join, posix, relative, sep } from "node:path";
import type { ProjectFs } from "@pmm/core";

/** What a `ProjectFs` needs from a file system; the rest is node:path. */
export interface FsPrimitives {
  /** What is at a path, without following a symbolic link (`other` for a link, a device, a FIFO, a socket); null when nothing is. */
  kind(path: string): "file" | "dir" | "other" | null;
  /** The names in a folder; may throw (the port then sees an empty folder). */
  list(dir: string): readonly string[];
}

/** The primitives over node:fs. */
export const NODE_FS: FsPrimitives = {
  kind(path) {
    try {
      const st = lstatSync(path);
      return st.isFile() ? "file" : st.isDirectory() ? "dir" : "other";
    } catch {
      return null;
    }
  },
  list: (dir) => readdirSync(dir),
};

/** The core's `ProjectFs` over `fs` (node:fs when not given); paths are this platform's, `relative` gives `/` separators. */
export function projectFs(fs: FsPrimitives = NODE_FS): ProjectFs {
  return {
    kind: (path) => fs.kind(path),
    list(dir) {
      try {
        return fs.list(dir);
      } catch {
        return [];
      }
    },
    join,
    dirname,
    relative: (from, to) => relative(from, to).split(sep).join(posix.sep),
  };
}
