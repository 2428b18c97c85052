// A dbt semantic manifest read from disk, as the CLI and the language server both take it: the read
// (readUserFile with the core's MAX_MANIFEST_BYTES, or the CLI's Io over it) and dbt's format (the
// core's parseDbtManifest), with one wording for every way it fails (docs/dbt.md).
import { parseDbtManifest, type DbtManifestResult } from "@pmm/core";
import type { ReadResult } from "./safe-write.js";

/** The manifest in a read of its file (made with a limit of MAX_MANIFEST_BYTES), or why it cannot be used (no path: the caller puts it first). */
export function dbtManifestOf(read: ReadResult): DbtManifestResult {
  if (!read.ok) return { error: read.problem === "missing" ? "no such dbt manifest file (run `dbt parse` to write target/semantic_manifest.json)" : read.message };
  return parseDbtManifest(read.bytes);
}
