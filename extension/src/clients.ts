// The extension's logic, apart from activation: one language client per
// workspace folder (each server sees one folder and that folder's
// `pmm.configPath`), one log channel for all of them that outlives every
// restart, and `pmm.trace.server` applied to that channel.
import * as path from "node:path";
import { EventEmitter, LogLevel, RelativePattern, workspace, type Event, type LogOutputChannel, type ViewColumn, type WorkspaceFolder } from "vscode";
import { LanguageClient, TransportKind, type LanguageClientOptions, type NodeModule, type ServerOptions } from "vscode-languageclient/node";

/** What the server receives as `initializationOptions`. */
export interface PmmInitializationOptions {
  configPath: string | undefined;
}

/** `pmm.trace.server`. */
export type TraceSetting = "off" | "messages" | "verbose";

/** Reads `pmm.configPath` for a folder (folder settings win over the workspace's); empty means "find pmm.config.yaml by walking up". */
export function configPathFor(folder: WorkspaceFolder | undefined): string | undefined {
  const value = (workspace.getConfiguration("pmm", folder?.uri).get<string>("configPath", "") ?? "").trim();
  return value === "" ? undefined : value;
}

/** Reads `pmm.trace.server`; anything else reads as `off`. */
export function traceSetting(): TraceSetting {
  const value = workspace.getConfiguration("pmm").get<string>("trace.server", "off");
  return value === "messages" || value === "verbose" ? value : "off";
}

/**
 * The channel the clients trace into. vscode-languageclient traces only while
 * its trace channel's log level is Trace, and writes with `trace()`, which a
 * log channel shows only at that level; this adapter reports the level from
 * `pmm.trace.server` instead (Trace unless `off`) and writes every trace line
 * to the one log channel as an ordinary line, so the setting alone decides.
 */
export class TraceChannel implements LogOutputChannel {
  private readonly changed = new EventEmitter<LogLevel>();
  readonly onDidChangeLogLevel: Event<LogLevel> = this.changed.event;
  private level: LogLevel;

  constructor(private readonly log: LogOutputChannel) {
    this.level = TraceChannel.levelOf(traceSetting());
  }

  static levelOf(setting: TraceSetting): LogLevel {
    return setting === "off" ? LogLevel.Off : LogLevel.Trace;
  }

  get name(): string {
    return this.log.name;
  }

  get logLevel(): LogLevel {
    return this.level;
  }

  /** Re-reads `pmm.trace.server`; the clients re-send `$/setTrace` when the level changes. */
  refresh(): void {
    const level = TraceChannel.levelOf(traceSetting());
    if (level === this.level) return;
    this.level = level;
    this.changed.fire(level);
  }

  trace(message: string): void {
    if (this.level !== LogLevel.Off) this.log.appendLine(message);
  }
  debug(message: string, ...args: unknown[]): void {
    this.log.debug(message, ...args);
  }
  info(message: string, ...args: unknown[]): void {
    this.log.info(message, ...args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.log.warn(message, ...args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.log.error(error, ...args);
  }
  append(value: string): void {
    this.log.append(value);
  }
  appendLine(value: string): void {
    this.log.appendLine(value);
  }
  replace(value: string): void {
    this.log.replace(value);
  }
  clear(): void {
    this.log.clear();
  }
  show(columnOrPreserveFocus?: ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === "boolean" || columnOrPreserveFocus === undefined) this.log.show(columnOrPreserveFocus);
    else this.log.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.log.hide();
  }
  /** The clients never own the channel: disposing it is the extension's job (at deactivation). */
  dispose(): void {
    this.changed.dispose();
  }
}

/** The smallest part of a language client the manager uses. */
export interface Client {
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** Makes the client of a folder (undefined: the window without folders). */
export type ClientFactory = (folder: WorkspaceFolder | undefined) => Client;

/** The key of a folder's client. */
const keyOf = (folder: WorkspaceFolder | undefined): string => folder?.uri.toString() ?? "";

/**
 * One client per workspace folder (one without folders when the window has
 * none). Restarting makes new clients, so they read the settings again.
 */
export class PmmClients {
  private readonly clients = new Map<string, { folder: WorkspaceFolder | undefined; client: Client }>();

  constructor(private readonly make: ClientFactory) {}

  /** Starts clients for new folders and stops those of removed ones. */
  async sync(folders: readonly WorkspaceFolder[] | undefined): Promise<void> {
    const wanted = new Map<string, WorkspaceFolder | undefined>((folders?.length ? folders : [undefined]).map((f) => [keyOf(f), f]));
    const stops: Promise<void>[] = [];
    for (const [key, entry] of this.clients) {
      if (!wanted.has(key)) {
        this.clients.delete(key);
        stops.push(entry.client.stop());
      }
    }
    await Promise.all(stops);
    const starts: Promise<void>[] = [];
    for (const [key, folder] of wanted) {
      if (this.clients.has(key)) continue;
      const client = this.make(folder);
      this.clients.set(key, { folder, client });
      starts.push(client.start());
    }
    await Promise.all(starts);
  }

  /** Replaces the clients of the folders `which` selects (all by default) with new ones. */
  async restart(which: (folder: WorkspaceFolder | undefined) => boolean = () => true): Promise<void> {
    await Promise.all(
      [...this.clients]
        .filter(([, e]) => which(e.folder))
        .map(async ([key, e]) => {
          await e.client.stop();
          const client = this.make(e.folder);
          this.clients.set(key, { folder: e.folder, client });
          await client.start();
        }),
    );
  }

  /** The folders with a client, in start order. */
  folders(): (WorkspaceFolder | undefined)[] {
    return [...this.clients.values()].map((e) => e.folder);
  }

  async stopAll(): Promise<void> {
    const all = [...this.clients.values()];
    this.clients.clear();
    await Promise.all(all.map((e) => e.client.stop()));
  }
}

/** The server as a node module run by the editor's own Node runtime, speaking LSP on stdin/stdout. */
function serverModule(serverJs: string, debug: boolean): NodeModule {
  return {
    module: serverJs,
    // With `runtime` set the client spawns the process with plain pipes (no IPC
    // channel, unlike fork); ELECTRON_RUN_AS_NODE makes VS Code's binary act as node.
    runtime: process.execPath,
    transport: TransportKind.stdio,
    options: {
      env: { ...process.env, ELECTRON_RUN_AS_NODE: "1" },
      ...(debug ? { execArgv: ["--nolazy", "--inspect=6009"] } : {}),
    },
  };
}

/** The options of a folder's client: its files, its config path, the shared channels. */
export function clientOptions(folder: WorkspaceFolder | undefined, log: LogOutputChannel, trace: LogOutputChannel): LanguageClientOptions {
  const initializationOptions: PmmInitializationOptions = { configPath: configPathFor(folder) };
  const watch = (glob: string) => workspace.createFileSystemWatcher(folder ? new RelativePattern(folder, glob) : glob);
  return {
    documentSelector: folder ? [{ scheme: "file", language: "pmm", pattern: `${folder.uri.fsPath}/**/*` }] : [{ language: "pmm" }],
    ...(folder ? { workspaceFolder: folder } : {}),
    initializationOptions,
    outputChannel: log,
    traceOutputChannel: trace,
    synchronize: { fileEvents: [watch("**/*.pmm"), watch("**/pmm.config.yaml"), watch("**/semantic_manifest.json")] },
  };
}

/** Makes a folder's client for the server bundle at `serverJs`. */
export function languageClientFactory(serverJs: string, log: LogOutputChannel, trace: LogOutputChannel): ClientFactory {
  const serverOptions: ServerOptions = { run: serverModule(serverJs, false), debug: serverModule(serverJs, true) };
  // The id `pmm` makes the client read `pmm.trace.server` for messages vs verbose.
  return (folder) => new LanguageClient("pmm", folder ? `pmm language server (${folder.name})` : "pmm language server", serverOptions, clientOptions(folder, log, trace));
}

/** Where the packaged server bundle sits in the extension. */
export function serverPath(extensionPath: (relative: string) => string): string {
  return extensionPath(path.join("server", "server.js"));
}
