// The server's state: one in-memory core Workspace for the session (every
// `.pmm` under the workspace folders, open documents overriding the disk),
// the config, and the debounced re-check that publishes diagnostics.
import { existsSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, relative, resolve, sep } from "node:path";
import { Workspace, type CheckResult, type Program, type SourceFile } from "@pmm/core";
import type { Diagnostic, TextDocumentContentChangeEvent } from "vscode-languageserver/node";
import { DiagnosticSeverity } from "vscode-languageserver/node";
import { EMPTY_CONFIG, fileFilter, readConfig, type ServerConfig } from "./config.js";
import { isPmmPath, normalizeUri, OpenDocuments, pathOfUri, readBytes, uriOfPath, walkPmmFiles } from "./documents.js";
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

/** The name of the config file. */
export const CONFIG_NAME = "pmm.config.yaml";

/** The LSP `FileChangeType` of a deleted file. */
const DELETED = 3;

/** Today's local date as YYYY-MM-DD. */
function localToday(): string {
  const d = new Date();
  const pad = (n: number): string => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Finds the config walking up from a folder. */
function findConfig(start: string): string | null {
  let dir = start;
  for (;;) {
    const candidate = join(dir, CONFIG_NAME);
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // not here
    }
    const parent = dirname(dir);
    if (parent === dir) return null;
    dir = parent;
  }
}

/** One language-server session. */
export class Session {
  /** The workspace, keyed by canonical document URI. */
  readonly workspace = new Workspace();
  /** The editor's open documents. */
  readonly documents = new OpenDocuments();
  /** Workspace folders (absolute paths). */
  private roots: string[] = [];
  /** `initializationOptions.configPath`, if given. */
  private configOverride: string | null = null;
  /** The config file in use. */
  private configPath: string | null = null;
  private config: ServerConfig = EMPTY_CONFIG;
  private configProblems: readonly string[] = [];
  /** Files read from disk (not open), by URI. */
  private readonly onDisk = new Set<string>();
  /** Bumped on every change to the workspace or config. */
  private version = 0;
  private checked: { version: number; today: string; result: CheckResult } | null = null;
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
  ) {}

  /** Sets the workspace folders and config override, then loads the config and every `.pmm` file. */
  initialize(rootUris: readonly unknown[], configPath: unknown): void {
    this.roots = [];
    for (const u of rootUris) {
      const uri = normalizeUri(u);
      const path = uri ? pathOfUri(uri) : null;
      if (path && !this.roots.includes(path)) this.roots.push(path);
    }
    this.configOverride = typeof configPath === "string" && configPath.trim() !== "" ? configPath.trim() : null;
    this.reload();
  }

  /** Adds and removes workspace folders. */
  changeFolders(added: readonly unknown[], removed: readonly unknown[]): void {
    const paths = (list: readonly unknown[]): string[] =>
      list.map((u) => normalizeUri(u)).flatMap((u) => (u ? [pathOfUri(u)] : [])).filter((p): p is string => p !== null);
    const gone = new Set(paths(removed));
    this.roots = this.roots.filter((r) => !gone.has(r));
    for (const p of paths(added)) if (!this.roots.includes(p)) this.roots.push(p);
    this.reload();
  }

  /** The folder the config is relative to (the config's folder, else the first root). */
  private base(): string | null {
    return this.configPath ? dirname(this.configPath) : (this.roots[0] ?? null);
  }

  private loadConfig(): void {
    let path: string | null = null;
    if (this.configOverride) path = isAbsolute(this.configOverride) ? this.configOverride : resolve(this.roots[0] ?? process.cwd(), this.configOverride);
    else if (this.roots[0]) path = findConfig(this.roots[0]);
    this.configPath = path;
    if (!path) {
      this.config = EMPTY_CONFIG;
      this.configProblems = [];
      return;
    }
    const bytes = readBytes(path);
    if (!bytes) {
      this.config = EMPTY_CONFIG;
      this.configProblems = this.configOverride ? [`the config file \`${path}\` cannot be read`] : [];
      return;
    }
    const read = readConfig(new TextDecoder().decode(bytes));
    this.config = read.config;
    this.configProblems = read.problems;
    for (const p of read.problems) this.host.log(`${path}: ${p}`);
  }

  /** True when a path belongs to the workspace (under a root and not left out by the config). */
  private included(path: string): boolean {
    if (!isPmmPath(path)) return false;
    if (!this.roots.some((r) => path === r || path.startsWith(r.endsWith(sep) ? r : r + sep))) return false;
    const base = this.base();
    if (!base) return true;
    const rel = relative(base, path).split(sep).join("/");
    return !fileFilter(this.config)(rel);
  }

  /** Re-reads the config and the disk files (after start, a folder change or a config change). */
  private reload(): void {
    this.loadConfig();
    const want = new Set<string>();
    for (const root of this.roots) for (const path of walkPmmFiles(root)) if (this.included(path)) want.add(uriOfPath(path));
    for (const uri of [...this.onDisk]) {
      if (want.has(uri)) continue;
      this.onDisk.delete(uri);
      if (!this.documents.has(uri)) this.workspace.delete(uri);
    }
    for (const uri of want) {
      if (this.onDisk.has(uri)) continue;
      if (!this.documents.has(uri)) {
        const bytes = readBytes(pathOfUri(uri)!);
        if (!bytes) continue;
        this.workspace.set(uri, bytes);
      }
      this.onDisk.add(uri);
    }
    this.changed();
  }

  /** Today's date for the checks: the config's `today`, else the real date. */
  today(): string {
    return this.config.today ?? localToday();
  }

  /** A parsed workspace file by URI (any spelling). */
  file(uri: unknown): SourceFile | undefined {
    const key = normalizeUri(uri);
    return key ? this.workspace.get(key) : undefined;
  }

  /** The resolved program as of now. */
  program(): Program {
    return this.workspace.program(this.today());
  }

  /** The check of the current state (cached until something changes). */
  check(): CheckResult {
    const today = this.today();
    if (this.checked && this.checked.version === this.version && this.checked.today === today) return this.checked.result;
    const result = this.workspace.check({ today, rules: this.config.rules, vanityTerms: this.config.vanityTerms });
    this.checked = { version: this.version, today, result };
    return result;
  }

  /** A document was opened: its text overrides the disk. */
  didOpen(uri: unknown, languageId: unknown, version: unknown, text: unknown): void {
    const key = normalizeUri(uri);
    if (!key || typeof text !== "string") return;
    if (languageId !== "pmm" && !isPmmPath(key)) return;
    this.documents.open(key, typeof languageId === "string" ? languageId : "pmm", typeof version === "number" ? version : 0, text);
    const current = this.workspace.get(key);
    if (!current || current.text !== text) {
      this.workspace.set(key, text);
      this.changed();
    } else this.schedule();
    this.mustPublish.add(key);
  }

  /** Edits to an open document: re-parse that file only. Edits to documents that are not open are ignored. */
  didChange(uri: unknown, version: unknown, changes: unknown): void {
    const key = normalizeUri(uri);
    if (!key || !Array.isArray(changes)) return;
    const doc = this.documents.change(key, typeof version === "number" ? version : 0, changes as TextDocumentContentChangeEvent[]);
    if (!doc) return;
    this.workspace.set(key, doc.getText());
    this.changed();
  }

  /** A document was closed: the disk is the truth again (or the file leaves the workspace). */
  didClose(uri: unknown): void {
    const key = normalizeUri(uri);
    if (!key || !this.documents.close(key)) return;
    const path = pathOfUri(key);
    const bytes = path && this.included(path) ? readBytes(path) : null;
    if (bytes) {
      this.workspace.set(key, bytes);
      this.onDisk.add(key);
    } else {
      this.workspace.delete(key);
      this.onDisk.delete(key);
    }
    this.changed();
  }

  /** Files changed on disk (`workspace/didChangeWatchedFiles`). */
  didChangeWatchedFiles(changes: unknown): void {
    if (!Array.isArray(changes)) return;
    let config = false;
    let pmmChanged = false;
    for (const c of changes as unknown[]) {
      if (typeof c !== "object" || c === null) continue;
      const { uri, type } = c as { uri?: unknown; type?: unknown };
      const key = normalizeUri(uri);
      const path = key ? pathOfUri(key) : null;
      if (!key || !path) continue;
      if (path.endsWith(sep + CONFIG_NAME) || path === this.configPath) {
        config = true;
        continue;
      }
      if (!isPmmPath(path)) continue;
      pmmChanged = true;
      if (this.documents.has(key)) continue; // the open buffer wins
      const bytes = type !== DELETED && this.included(path) ? readBytes(path) : null;
      if (bytes) {
        this.workspace.set(key, bytes);
        this.onDisk.add(key);
      } else {
        this.workspace.delete(key);
        this.onDisk.delete(key);
      }
    }
    if (config) this.reload();
    else if (pmmChanged) this.changed();
  }

  /** Drops files that vanished from disk without a watcher event (clients that do not watch files). */
  private dropVanished(): void {
    for (const uri of [...this.onDisk]) {
      if (this.documents.has(uri)) continue;
      const path = pathOfUri(uri);
      if (path && existsSync(path)) continue;
      this.onDisk.delete(uri);
      if (this.workspace.delete(uri)) this.version++;
    }
  }

  /** Something changed: bump the version and schedule a re-check. */
  private changed(): void {
    this.version++;
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

  /** Re-checks now and publishes diagnostics for every file whose list changed (and clears files that have none left). */
  flush(): void {
    this.dropVanished();
    const result = this.check();
    const lookup = (u: string): SourceFile | undefined => this.workspace.get(u);
    const first = this.workspace.files()[0]?.path;
    const byUri = groupDiagnostics(result.diagnostics, lookup, first);
    const configDiagnostics = this.configDiagnostics();
    if (configDiagnostics) byUri.set(configDiagnostics.uri, configDiagnostics.diagnostics);
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

  /** The config's problems as diagnostics on the config file (first line). */
  private configDiagnostics(): { uri: string; diagnostics: Diagnostic[] } | null {
    if (!this.configPath || this.configProblems.length === 0) return null;
    return {
      uri: uriOfPath(this.configPath),
      diagnostics: this.configProblems.map((message) => ({
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        severity: DiagnosticSeverity.Error,
        source: "pmm",
        message,
      })),
    };
  }

  /** Stops the pending re-check (shutdown). */
  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
