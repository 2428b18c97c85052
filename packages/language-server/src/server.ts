// The language server's wiring: capabilities, one handler per LSP feature,
// and the guard that keeps the server alive — every handler's exception is
// logged and answered with an empty result, never allowed to end the process.
import {
  CodeActionKind,
  createConnection,
  DidChangeWatchedFilesNotification,
  ProposedFeatures,
  ResponseError,
  TextDocumentSyncKind,
  type Connection,
  type InitializeParams,
  type InitializeResult,
} from "vscode-languageserver/node";
import { codeActions } from "./features/code-actions.js";
import { completion } from "./features/completion.js";
import { definition } from "./features/definition.js";
import { documentSymbols } from "./features/document-symbols.js";
import { foldingRanges } from "./features/folding-ranges.js";
import { formatDocument, formatDocumentRange } from "./features/formatting.js";
import { hover } from "./features/hover.js";
import { inlayHints } from "./features/inlay-hints.js";
import { references } from "./features/references.js";
import { prepareRename, rename } from "./features/rename.js";
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from "./features/semantic-tokens.js";
import { workspaceSymbols } from "./features/workspace-symbols.js";
import { FrameChecker } from "./framing.js";
import { Session } from "./session.js";

/** The server's name and version (sent in `initialize`). */
export const SERVER_INFO = { name: "pmm-language-server", version: "0.1.0" };

function describeError(e: unknown): string {
  return e instanceof Error ? (e.stack ?? e.message) : String(e);
}

/** Starts the server on the process's stdio (or the transport named on the command line). */
export function startServer(): Connection {
  const connection = createConnection(ProposedFeatures.all);
  const session = new Session({
    publish: (uri, diagnostics) => void connection.sendDiagnostics({ uri, diagnostics }),
    log: (message) => connection.console.log(message),
  });

  /** Wraps a handler: exceptions are logged and answered with `fallback` (a ResponseError is passed on as the answer). */
  const guard =
    <P, R>(name: string, fallback: R, fn: (params: P) => R) =>
    (params: P): R => {
      try {
        return fn(params);
      } catch (e) {
        if (e instanceof ResponseError) throw e;
        connection.console.error(`pmm: ${name} failed: ${describeError(e)}`);
        return fallback;
      }
    };

  let watchDynamically = false;
  let folderEvents = false;
  connection.onInitialize(
    guard("initialize", { capabilities: {}, serverInfo: SERVER_INFO } as InitializeResult, (params: InitializeParams): InitializeResult => {
      const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
      const options = params.initializationOptions as { configPath?: unknown } | undefined;
      watchDynamically = params.capabilities?.workspace?.didChangeWatchedFiles?.dynamicRegistration === true;
      folderEvents = params.capabilities?.workspace?.workspaceFolders === true;
      session.initialize(folders, options?.configPath);
      return {
        serverInfo: SERVER_INFO,
        capabilities: {
          textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
          hoverProvider: true,
          completionProvider: { triggerCharacters: [".", ":", "[", ",", " "] },
          definitionProvider: true,
          referencesProvider: true,
          renameProvider: { prepareProvider: true },
          documentSymbolProvider: true,
          workspaceSymbolProvider: true,
          codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
          documentFormattingProvider: true,
          documentRangeFormattingProvider: true,
          semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
          foldingRangeProvider: true,
          inlayHintProvider: true,
          workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
        },
      };
    }),
  );

  connection.onInitialized(
    guard("initialized", undefined, () => {
      session.schedule();
      if (folderEvents) {
        connection.workspace.onDidChangeWorkspaceFolders(
          guard("workspace folders", undefined, (e) =>
            session.changeFolders(
              e.added.map((f) => f.uri),
              e.removed.map((f) => f.uri),
            ),
          ),
        );
      }
      if (watchDynamically) {
        void connection.client
          .register(DidChangeWatchedFilesNotification.type, {
            watchers: [{ globPattern: "**/*.pmm" }, { globPattern: "**/pmm.config.yaml" }, { globPattern: "**/semantic_manifest.json" }],
          })
          .catch((e: unknown) => connection.console.error(`pmm: could not watch files: ${describeError(e)}`));
      }
    }),
  );

  connection.onDidOpenTextDocument(
    guard("didOpen", undefined, (p) => session.didOpen(p?.textDocument?.uri, p?.textDocument?.languageId, p?.textDocument?.version, p?.textDocument?.text)),
  );
  connection.onDidChangeTextDocument(guard("didChange", undefined, (p) => session.didChange(p?.textDocument?.uri, p?.textDocument?.version, p?.contentChanges)));
  connection.onDidCloseTextDocument(guard("didClose", undefined, (p) => session.didClose(p?.textDocument?.uri)));
  connection.onDidChangeWatchedFiles(guard("didChangeWatchedFiles", undefined, (p) => session.didChangeWatchedFiles(p?.changes)));

  connection.onHover(guard("hover", null, (p) => hover(session, p)));
  connection.onCompletion(guard("completion", [], (p) => completion(session, p)));
  connection.onDefinition(guard("definition", [], (p) => definition(session, p)));
  connection.onReferences(guard("references", [], (p) => references(session, p)));
  connection.onPrepareRename(guard("prepareRename", null, (p) => prepareRename(session, p)));
  connection.onRenameRequest(guard("rename", null, (p) => rename(session, p)));
  connection.onDocumentSymbol(guard("documentSymbol", [], (p) => documentSymbols(session, p)));
  connection.onWorkspaceSymbol(guard("workspaceSymbol", [], (p) => workspaceSymbols(session, p)));
  connection.onCodeAction(guard("codeAction", [], (p) => codeActions(session, p)));
  connection.onDocumentFormatting(guard("formatting", [], (p) => formatDocument(session, p)));
  connection.onDocumentRangeFormatting(guard("rangeFormatting", [], (p) => formatDocumentRange(session, p)));
  connection.languages.semanticTokens.on(guard("semanticTokens", { data: [] }, (p) => semanticTokens(session, p)));
  connection.onFoldingRanges(guard("foldingRange", [], (p) => foldingRanges(session, p)));
  connection.languages.inlayHint.on(guard("inlayHint", [], (p) => inlayHints(session, p)));
  connection.onShutdown(guard("shutdown", undefined, () => session.dispose()));

  // Last line of defence: nothing that escapes a handler may end the process.
  process.on("uncaughtException", (e) => connection.console.error(`pmm: unexpected error: ${describeError(e)}`));
  process.on("unhandledRejection", (e) => connection.console.error(`pmm: unexpected rejection: ${describeError(e)}`));

  // A malformed header leaves the reader unable to find the next message:
  // say so on stderr and exit 1, so the client restarts the server (framing.ts).
  if (process.argv.includes("--stdio")) {
    const frames = new FrameChecker();
    let stopping = false;
    process.stdin.on("data", (chunk: Buffer) => {
      const problem = frames.push(chunk);
      if (problem === null || stopping) return;
      stopping = true;
      process.stderr.write(`pmm-language-server: malformed message on stdin: ${problem}; exiting so the editor restarts the server\n`, () => process.exit(1));
    });
  }

  connection.listen();
  return connection;
}
