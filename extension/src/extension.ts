// The pmm VS Code extension: starts the bundled pmm language server
// (server/server.js) over stdio and connects it to `.pmm` documents.
import * as path from "node:path";
import { commands, workspace, type ExtensionContext } from "vscode";
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type NodeModule,
  type ServerOptions,
} from "vscode-languageclient/node";

let client: LanguageClient | undefined;

/** What the server receives as `initializationOptions`. */
export interface PmmInitializationOptions {
  configPath: string | undefined;
}

/** Reads `pmm.configPath`; an empty setting means "find pmm.config.yaml by walking up". */
function readConfigPath(): string | undefined {
  const value = workspace.getConfiguration("pmm").get<string>("configPath", "").trim();
  return value === "" ? undefined : value;
}

/** The server as a node module run by the editor's own Node runtime, speaking LSP on stdin/stdout. */
function serverModule(context: ExtensionContext, debug: boolean): NodeModule {
  return {
    module: context.asAbsolutePath(path.join("server", "server.js")),
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

/** Builds a client for the current settings. */
function createClient(context: ExtensionContext): LanguageClient {
  const serverOptions: ServerOptions = {
    run: serverModule(context, false),
    debug: serverModule(context, true),
  };
  const initializationOptions: PmmInitializationOptions = { configPath: readConfigPath() };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: "pmm" }],
    initializationOptions,
    synchronize: {
      fileEvents: [
        workspace.createFileSystemWatcher("**/*.pmm"),
        workspace.createFileSystemWatcher("**/pmm.config.yaml"),
      ],
    },
  };
  // The id `pmm` makes the client read the `pmm.trace.server` setting.
  return new LanguageClient("pmm", "pmm language server", serverOptions, clientOptions);
}

/** Called by VS Code when a `.pmm` file or a pmm workspace opens. */
export async function activate(context: ExtensionContext): Promise<void> {
  client = createClient(context);

  context.subscriptions.push(
    commands.registerCommand("pmm.restartServer", async () => {
      await client?.restart();
    }),
    // initializationOptions are fixed at start-up, so a new config path needs a new server.
    workspace.onDidChangeConfiguration(async (event) => {
      if (!event.affectsConfiguration("pmm.configPath")) return;
      await client?.stop();
      client = createClient(context);
      await client.start();
    }),
  );

  await client.start();
}

/** Called by VS Code on shutdown; stops the server. */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
