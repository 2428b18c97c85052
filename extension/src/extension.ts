// The pmm VS Code extension: starts the bundled pmm language server
// (server/server.js) over stdio, one per workspace folder, and connects it to
// that folder's `.pmm` documents (src/clients.ts).
import { commands, window, workspace, type ExtensionContext } from "vscode";
import { languageClientFactory, PmmClients, serverPath, TraceChannel } from "./clients.js";

export type { PmmInitializationOptions } from "./clients.js";

/** Called by VS Code when a `.pmm` file or a pmm workspace opens. */
export async function activate(context: ExtensionContext): Promise<void> {
  // One log channel for the whole activation: the clients never dispose it, so
  // restarts and configPath changes keep writing (and tracing) into it.
  const log = window.createOutputChannel("pmm language server", { log: true });
  const trace = new TraceChannel(log);
  const manager = new PmmClients(
    languageClientFactory(
      serverPath((p) => context.asAbsolutePath(p)),
      log,
      trace,
    ),
  );

  // Disposed in this order at deactivation: the servers stop, then the channel closes.
  context.subscriptions.push(
    { dispose: () => manager.stopAll() },
    trace,
    log,
    commands.registerCommand("pmm.restartServer", () => manager.restart()),
    workspace.onDidChangeWorkspaceFolders(() => manager.sync(workspace.workspaceFolders)),
    workspace.onDidChangeConfiguration(async (event) => {
      if (event.affectsConfiguration("pmm.trace.server")) trace.refresh();
      // initializationOptions are fixed at start-up, so a new config path needs a new server (only where it changed).
      if (event.affectsConfiguration("pmm.configPath")) await manager.restart((folder) => event.affectsConfiguration("pmm.configPath", folder?.uri));
    }),
  );

  await manager.sync(workspace.workspaceFolders);
}

/** Called by VS Code on shutdown; the servers stop with the subscriptions of `activate`. */
export function deactivate(): void {}
