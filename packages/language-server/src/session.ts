// The server's state: one core Workspace per workspace folder (its `.pmm`
// files as the core selects them, open documents overriding the disk, its
// config), and the debounced re-check that publishes diagnostics.
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, resolve, sep } from "node:path";
import {
  CONFIG_NAME,
  configKeyPosition,
  EMPTY_CONFIG,
  findConfig,
  isPmmPath,
  leftOut,
  MAX_MANIFEST_BYTES,
  Parser,
  projectFiles,
  readConfig,
  Workspace,
  type CheckResult,
  type ConfigProblem,
  type DbtManifest,
  type Program,
  type ProjectConfig,
  type SourceFile,
} from "@pmm/core";
import { dbtManifestOf, projectFs, readUserFile, unreadable } from "@pmm/node";
import type { Diagnostic, TextDocumentContentChangeEvent } from "vscode-languageserver/node";
import { DiagnosticSeverity } from "vscode-languageserver/node";
import { normalizeUri, OpenDocuments, pathOfUri, uriOfPath } from "./documents.js";
import { groupDiagnostics } from "./features/diagnostics.js";

/** What the session needs from the connection. */
export interface SessionHost {
  publish(uri: string, diagnostics: Diagnostic[]): void;
  log(message: string): void;
}

/** How long edits settle before a re-check (milliseconds). */
export const DEBOUNCE_MS = 150;

/** The longest a stream of edits can hold the re-check back (milliseconds). */
export const MAX_WAIT_MS = 1000;

/** The LSP `FileChangeType` of a deleted file. */
const DELETED = 3;

/** Today's local date as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The core's file-system port over node:fs (the core selects the files: project/files.ts). */
const DISK = projectFs();

/**
 * A file on disk as the workspace takes it (readUserFile: a regular file of
 * at most MAX_FILE_BYTES, opened without blocking, so a FIFO cannot hang the
 * server): its bytes, or — too large, no permission — a finding on the file
 * in the CLI's words (core: WorkspaceFile.problem). Null when there is no file
 * to read: deleted, a folder, a device or FIFO.
 */
function fromDisk(path: string): { contents: Uint8Array | ""; problem?: string } | null {
  const r = readUserFile(path);
  if (r.ok) return { contents: r.bytes };
  if (r.problem === "missing" || r.problem === "not-a-file") return null;
  return { contents: "", problem: unreadable(r) };
}

/** The dbt semantic manifest a folder's config names (`dbt_manifest`), as last read. */
interface LoadedManifest {
  /** The absolute path (the config's `dbt_manifest` resolved against the config's folder, as the CLI does). */
  readonly path: string;
  /** `dbt_manifest` as written. */
  readonly written: string;
  /** Size and modification time when read: a re-check reads the file again when they change. */
  readonly stamp: string;
  readonly manifest: DbtManifest | null;
  /** Why the manifest cannot be used (published on the config file), or null. */
  readonly problem: string | null;
}

/** A file's size and modification time, or "missing". */
function stampOf(path: string): string {
  try {
    const st = statSync(path, { bigint: true });
    return `${st.size}:${st.mtimeNs}`;
  } catch {
    return "missing";
  }
}

/**
 * One workspace folder: its own core Workspace, config and files. Each folder
 * is checked on its own (two folders that declare the same ids are two
 * projects, not duplicates). Documents outside every folder go to a loose
 * folder without a root or config.
 */
class Folder {
  readonly workspace: Workspace;
  /** The config file in use. */
  configPath: string | null = null;
  config: ProjectConfig = EMPTY_CONFIG;
  problems: readonly ConfigProblem[] = [];
  /** The config file's text (for the positions of its keys). */
  configText = "";
  /** The dbt manifest of `dbt_manifest`, if the config names one. */
  manifest: LoadedManifest | null = null;
  /** Files read from disk (not open), by URI. */
  readonly onDisk = new Set<string>();
  /** Bumped on every change to the folder's files or config. */
  version = 0;
  checked: { version: number; today: string; result: CheckResult } | null = null;

  constructor(
    readonly root: string | null,
    parser: Parser,
  ) {
    this.workspace = new Workspace({ parser });
  }

  /** The folder the config's globs are relative to (the config's folder, else the root). */
  base(): string | null {
    return this.configPath ? dirname(this.configPath) : this.root;
  }

  /** True when a path is under this folder's root. */
  contains(path: string): boolean {
    const r = this.root;
    return r !== null && (path === r || path.startsWith(r.endsWith(sep) ? r : r + sep));
  }

  /** True when a path belongs to this folder's project (a `.pmm` under the root that the config keeps). */
  included(path: string): boolean {
    if (!isPmmPath(path) || !this.contains(path)) return false;
    const base = this.base();
    return base === null || !leftOut(this.config)(DISK.relative(base, path));
  }
}

/** One language-server session. */
export class Session {
  /** The editor's open documents. */
  readonly documents = new OpenDocuments();
  /** One parser for every folder's workspace. */
  private readonly parser = new Parser();
  /** The workspace folders, in the order the editor gave them. */
  private folders: Folder[] = [];
  /** Documents outside every folder. */
  private readonly loose: Folder;
  /** `initializationOptions.configPath`, if given. */
  private configOverride: string | null = null;
  /** JSON of what was last published per URI (only non-empty lists are kept). */
  private readonly published = new Map<string, string>();
  /** URIs that get a publish on the next flush even when unchanged (just opened). */
  private readonly mustPublish = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** When the pending re-check was first asked for. */
  private pendingSince = 0;

  constructor(
    private readonly host: SessionHost,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {
    this.loose = new Folder(null, this.parser);
  }

  /** Sets the workspace folders and config override, then loads each folder's config and `.pmm` files. */
  initialize(rootUris: readonly unknown[], configPath: unknown): void {
    this.configOverride = typeof configPath === "string" && configPath.trim() !== "" ? configPath.trim() : null;
    this.setRoots(this.pathsOf(rootUris));
  }

  /** Adds and removes workspace folders. */
  changeFolders(added: readonly unknown[], removed: readonly unknown[]): void {
    const gone = new Set(this.pathsOf(removed));
    const roots = this.folders.map((f) => f.root!).filter((r) => !gone.has(r));
    for (const p of this.pathsOf(added)) if (!roots.includes(p)) roots.push(p);
    this.setRoots(roots);
  }

  private pathsOf(list: readonly unknown[]): string[] {
    const out: string[] = [];
    for (const u of list) {
      const uri = normalizeUri(u);
      const path = uri ? pathOfUri(uri) : null;
      if (path && !out.includes(path)) out.push(path);
    }
    return out;
  }

  /** Keeps the folders whose root stays, makes the new ones, and reloads every folder. */
  private setRoots(roots: readonly string[]): void {
    const old = new Map(this.folders.map((f) => [f.root!, f]));
    this.folders = roots.map((r) => old.get(r) ?? new Folder(r, this.parser));
    // open documents of a removed folder move to the folder that now owns them
    for (const [root, f] of old) {
      if (roots.includes(root)) continue;
      for (const file of f.workspace.files()) {
        const doc = this.documents.get(file.path);
        if (doc) this.folderOf(file.path).workspace.set(file.path, doc.getText());
      }
    }
    for (const f of this.folders) this.reload(f);
    this.schedule();
  }

  /** The folder a URI belongs to: the first whose root holds it, else the loose one. */
  private folderOf(uri: string): Folder {
    const path = pathOfUri(uri);
    if (path !== null) for (const f of this.folders) if (f.contains(path)) return f;
    return this.loose;
  }

  private loadConfig(folder: Folder): void {
    let path: string | null = null;
    const root = folder.root!;
    if (this.configOverride) path = isAbsolute(this.configOverride) ? this.configOverride : resolve(root, this.configOverride);
    else path = findConfig(DISK, root);
    folder.configPath = path;
    folder.config = EMPTY_CONFIG;
    folder.problems = [];
    folder.configText = "";
    if (!path) return;
    const file = readUserFile(path);
    if (!file.ok) {
      if (this.configOverride) folder.problems = [{ message: `the config file \`${path}\` cannot be read: ${file.message}`, offset: 0, line: 1, column: 1 }];
      return;
    }
    folder.configText = new TextDecoder().decode(file.bytes);
    const read = readConfig(folder.configText);
    folder.config = read.config;
    folder.problems = read.problems;
    for (const p of read.problems) this.host.log(`${path}:${p.line}:${p.column}: ${p.message}`);
  }

  /** Re-reads a folder's config and disk files (after start, a folder change or a config change). */
  private reload(folder: Folder): void {
    this.loadConfig(folder);
    const base = folder.base()!;
    const want = new Set(projectFiles(DISK, folder.root!, base, folder.config).map(uriOfPath));
    for (const uri of [...folder.onDisk]) {
      if (want.has(uri)) continue;
      folder.onDisk.delete(uri);
      if (!this.documents.has(uri)) folder.workspace.delete(uri);
    }
    for (const uri of want) {
      if (folder.onDisk.has(uri)) continue;
      if (!this.documents.has(uri)) {
        const disk = fromDisk(pathOfUri(uri)!);
        if (!disk) continue;
        folder.workspace.set(uri, disk.contents, disk.problem);
      }
      folder.onDisk.add(uri);
    }
    this.changed(folder);
  }

  /** The folder of a file or URI (the first folder when none is given). */
  private pick(at?: SourceFile | string): Folder {
    if (at === undefined) return this.folders[0] ?? this.loose;
    return this.folderOf(typeof at === "string" ? at : at.path);
  }

  /** Today's date for the checks of a file's folder: its config's `today`, else the real date. */
  today(at?: SourceFile | string): string {
    return this.pick(at).config.today ?? localToday();
  }

  /** The configuration of a file's folder (its valid parts). */
  config(at?: SourceFile | string): ProjectConfig {
    return this.pick(at).config;
  }

  /** A parsed file by URI (any spelling), from the folder that holds it. */
  file(uri: unknown): SourceFile | undefined {
    const key = normalizeUri(uri);
    return key ? this.folderOf(key).workspace.get(key) : undefined;
  }

  /** Every file of every folder (folders in order, each sorted by path). */
  files(): SourceFile[] {
    return [...this.folders, this.loose].flatMap((f) => f.workspace.files());
  }

  /** The core workspace of a file's folder. */
  workspaceOf(at?: SourceFile | string): Workspace {
    return this.pick(at).workspace;
  }

  /** The resolved program of a file's folder, as of now. */
  program(at?: SourceFile | string): Program {
    const f = this.pick(at);
    return f.workspace.program(this.today(at));
  }

  /** The check of a file's folder (cached until something in it changes). */
  check(at?: SourceFile | string): CheckResult {
    return this.checkFolder(this.pick(at));
  }

  private checkFolder(f: Folder): CheckResult {
    const today = f.config.today ?? localToday();
    if (this.refreshManifest(f)) f.version++;
    if (f.checked && f.checked.version === f.version && f.checked.today === today) return f.checked.result;
    const result = f.workspace.check({ today, rules: f.config.rules, vanityTerms: f.config.vanityTerms, dbtManifest: f.manifest?.manifest ?? null });
    f.checked = { version: f.version, today, result };
    return result;
  }

  /**
   * Reads the folder's dbt manifest (`dbt_manifest` in its config) when it is
   * new or its size or time changed since it was read, so `dbt-drift` runs in
   * the editor as in `pmm check`; true when what the check compares with changed.
   */
  private refreshManifest(f: Folder): boolean {
    const written = f.config.dbtManifest;
    if (written === null || f.configPath === null) {
      const had = f.manifest !== null;
      f.manifest = null;
      return had;
    }
    const path = resolve(dirname(f.configPath), written);
    const stamp = stampOf(path);
    if (f.manifest && f.manifest.path === path && f.manifest.stamp === stamp) return false;
    const parsed = dbtManifestOf(readUserFile(path, MAX_MANIFEST_BYTES));
    const manifest = parsed.manifest ?? null;
    const problem = parsed.error ?? null;
    f.manifest = { path, written, stamp, manifest, problem };
    if (problem) this.host.log(`${path}: ${problem}`);
    return true;
  }

  /** A document was opened: its text overrides the disk. */
  didOpen(uri: unknown, languageId: unknown, version: unknown, text: unknown): void {
    const key = normalizeUri(uri);
    if (!key || typeof text !== "string") return;
    if (languageId !== "pmm" && !isPmmPath(key)) return;
    this.documents.open(key, typeof languageId === "string" ? languageId : "pmm", typeof version === "number" ? version : 0, text);
    const folder = this.folderOf(key);
    const current = folder.workspace.get(key);
    // (a file that could not be read from disk has no text and one finding: the buffer replaces it even when empty)
    if (!current || current.text !== text || (current.text === "" && current.syntaxErrors.length > 0)) {
      folder.workspace.set(key, text);
      this.changed(folder);
    } else this.schedule();
    this.mustPublish.add(key);
  }

  /** Edits to an open document: re-parse that file only. Edits to documents that are not open are ignored. */
  didChange(uri: unknown, version: unknown, changes: unknown): void {
    const key = normalizeUri(uri);
    if (!key || !Array.isArray(changes)) return;
    const doc = this.documents.change(key, typeof version === "number" ? version : 0, changes as TextDocumentContentChangeEvent[]);
    if (!doc) return;
    const folder = this.folderOf(key);
    folder.workspace.set(key, doc.getText());
    this.changed(folder);
  }

  /** A document was closed: the disk is the truth again (or the file leaves the workspace). */
  didClose(uri: unknown): void {
    const key = normalizeUri(uri);
    if (!key || !this.documents.close(key)) return;
    const folder = this.folderOf(key);
    const path = pathOfUri(key);
    const disk = path && folder.included(path) ? fromDisk(path) : null;
    if (disk) {
      folder.workspace.set(key, disk.contents, disk.problem);
      folder.onDisk.add(key);
    } else {
      folder.workspace.delete(key);
      folder.onDisk.delete(key);
    }
    this.changed(folder);
  }

  /** Files changed on disk (`workspace/didChangeWatchedFiles`). */
  didChangeWatchedFiles(changes: unknown): void {
    if (!Array.isArray(changes)) return;
    const reload = new Set<Folder>();
    for (const c of changes as unknown[]) {
      if (typeof c !== "object" || c === null) continue;
      const { uri, type } = c as { uri?: unknown; type?: unknown };
      const key = normalizeUri(uri);
      const path = key ? pathOfUri(key) : null;
      if (!key || !path) continue;
      if (path.endsWith(sep + CONFIG_NAME) || this.folders.some((f) => f.configPath === path)) {
        // a config file: every folder it is (or may become) the config of reloads
        for (const f of this.folders) if (f.configPath === path || f.contains(path) || (f.root !== null && f.root.startsWith(dirname(path)))) reload.add(f);
        continue;
      }
      // a dbt manifest: its folders re-check (the check reads it again when it changed)
      for (const f of this.folders) if (f.manifest?.path === path) this.changed(f);
      if (!isPmmPath(path)) continue;
      const folder = this.folderOf(key);
      if (this.documents.has(key)) continue; // the open buffer wins
      const disk = type !== DELETED && folder.included(path) ? fromDisk(path) : null;
      if (disk) {
        folder.workspace.set(key, disk.contents, disk.problem);
        folder.onDisk.add(key);
      } else {
        folder.workspace.delete(key);
        folder.onDisk.delete(key);
      }
      this.changed(folder);
    }
    for (const f of reload) this.reload(f);
  }

  /** Drops files that vanished from disk without a watcher event (clients that do not watch files). */
  private dropVanished(folder: Folder): void {
    for (const uri of [...folder.onDisk]) {
      if (this.documents.has(uri)) continue;
      const path = pathOfUri(uri);
      if (path && existsSync(path)) continue;
      folder.onDisk.delete(uri);
      if (folder.workspace.delete(uri)) folder.version++;
    }
  }

  /** Something changed in a folder: bump its version and schedule a re-check. */
  private changed(folder: Folder): void {
    folder.version++;
    this.schedule();
  }

  /** Schedules the debounced re-check and publish. */
  schedule(): void {
    const now = Date.now();
    if (this.timer) {
      // keep typing from holding diagnostics back for ever
      if (now - this.pendingSince >= MAX_WAIT_MS) return;
      clearTimeout(this.timer);
    } else this.pendingSince = now;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      try {
        this.flush();
      } catch (e) {
        this.host.log(`pmm: the re-check failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      }
    }, this.debounceMs);
  }

  /** Re-checks every folder now and publishes diagnostics for every file whose list changed (and clears files that have none left). */
  flush(): void {
    const byUri = new Map<string, Diagnostic[]>();
    for (const folder of [...this.folders, this.loose]) {
      this.dropVanished(folder);
      const result = this.checkFolder(folder);
      const lookup = (u: string): SourceFile | undefined => folder.workspace.get(u);
      const first = folder.workspace.files()[0]?.path;
      for (const [uri, list] of groupDiagnostics(result.diagnostics, lookup, first)) byUri.set(uri, list);
      const config = this.configDiagnostics(folder);
      if (config) byUri.set(config.uri, config.diagnostics);
    }
    const uris = new Set<string>([...byUri.keys(), ...this.published.keys(), ...this.mustPublish]);
    for (const uri of [...uris].sort()) {
      const list = byUri.get(uri) ?? [];
      const json = JSON.stringify(list);
      const before = this.published.get(uri) ?? "[]";
      if (json === before && !this.mustPublish.has(uri)) continue;
      this.host.publish(uri, list);
      if (list.length) this.published.set(uri, json);
      else this.published.delete(uri);
    }
    this.mustPublish.clear();
  }

  /** A folder's config problems as diagnostics on its config file, each at its position. */
  private configDiagnostics(folder: Folder): { uri: string; diagnostics: Diagnostic[] } | null {
    const problems = [...folder.problems];
    const manifest = folder.manifest;
    if (manifest?.problem) {
      problems.push({
        ...(configKeyPosition(folder.configText, "dbt_manifest") ?? { offset: 0, line: 1, column: 1 }),
        message: `dbt_manifest \`${manifest.written}\`: ${manifest.problem}; \`dbt-drift\` is not checked until it can be read`,
      });
    }
    if (!folder.configPath || problems.length === 0) return null;
    return {
      uri: uriOfPath(folder.configPath),
      diagnostics: problems.map((p) => {
        const at = { line: p.line - 1, character: p.column - 1 };
        return { range: { start: at, end: at }, severity: DiagnosticSeverity.Error, source: "pmm", message: p.message };
      }),
    };
  }

  /** Stops the pending re-check (shutdown). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
