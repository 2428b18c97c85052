// pmm on Node, shared by the CLI and the language server (bundled into both):
// the one guarded read and atomic write of user files (safe-write.ts,
// docs/safety.md), the core's file-system port over node:fs (project-fs.ts),
// and a dbt manifest read from disk (dbt-manifest.ts).
export {
  readUserFile,
  replaceUserFile,
  writeUserFile,
  reason,
  unreadable,
  type Fingerprint,
  type ReadProblem,
  type ReadResult,
  type WriteProblem,
  type WriteResult,
} from "./safe-write.js";
export { NODE_FS, projectFs, type FsPrimitives } from "./project-fs.js";
export { dbtManifestOf } from "./dbt-manifest.js";
