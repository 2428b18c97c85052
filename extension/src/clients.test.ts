// The extension's logic without VS Code: `vscode` and `vscode-languageclient/node`
// are mocked (settings per folder, output channels, clients that record what
// they were made with), and activate() is driven through the events VS Code sends.
import { beforeEach, describe, expect, it, vi } from "vitest";

/** Settings by scope: "" for the workspace, else a folder's URI. */
const settings = new Map<string, Record<string, unknown>>();
const made: { id: string; name: string; options: Record<string, unknown>; started: number; stopped: number }[] = [];
const channels: { name: string; lines: string[]; disposed: boolean }[] = [];
const handlers = new Map<string, (...args: unknown[]) => unknown>();

vi.mock("vscode", () => {
  class EventEmitter<T> {
    private listeners: ((e: T) => void)[] = [];
    event = (l: (e: T) => void) => {
      this.listeners.push(l);
      return { dispose: () => (this.listeners = this.listeners.filter((x) => x !== l)) };
    };
    fire(e: T) {
      for (const l of this.listeners) l(e);
    }
    dispose() {
      this.listeners = [];
    }
  }
  class RelativePattern {
    constructor(
      readonly base: unknown,
      readonly pattern: string,
    ) {}
  }
  const on = (name: string) => (h: (...args: unknown[]) => unknown) => {
    handlers.set(name, h);
    return { dispose() {} };
  };
  return {
    EventEmitter,
    RelativePattern,
    LogLevel: { Off: 0, Trace: 1, Debug: 2, Info: 3, Warning: 4, Error: 5 },
    workspace: {
      workspaceFolders: undefined as unknown,
      getConfiguration: (section: string, scope?: { toString(): string }) => ({
        get: <T>(key: string, fallback: T): T => {
          const full = `${section}.${key}`;
          const folder = scope ? settings.get(scope.toString())?.[full] : undefined;
          return (folder ?? settings.get("")?.[full] ?? fallback) as T;
        },
      }),
      createFileSystemWatcher: (glob: unknown) => ({ glob }),
      onDidChangeConfiguration: on("configuration"),
      onDidChangeWorkspaceFolders: on("folders"),
    },
    window: {
      createOutputChannel: (name: string, opts: { log: boolean }) => {
        expect(opts).toEqual({ log: true });
        const c = { name, lines: [] as string[], disposed: false };
        channels.push(c);
        return {
          name,
          appendLine: (l: string) => c.lines.push(l),
          info: (l: string) => c.lines.push(`[info] ${l}`),
          dispose: () => (c.disposed = true),
        };
      },
    },
    commands: { registerCommand: (id: string, h: () => unknown) => on(`command:${id}`)(h) },
  };
});

vi.mock("vscode-languageclient/node", () => ({
  TransportKind: { stdio: 0 },
  LanguageClient: class {
    private readonly record: (typeof made)[number];
    constructor(id: string, name: string, _server: unknown, options: Record<string, unknown>) {
      this.record = { id, name, options, started: 0, stopped: 0 };
      made.push(this.record);
    }
    async start() {
      this.record.started++;
    }
    async stop() {
      this.record.stopped++;
    }
  },
}));

const vscode = await import("vscode");
const { configPathFor, PmmClients, TraceChannel, clientOptions } = await import("./clients.js");
const { activate } = await import("./extension.js");

type Folder = import("vscode").WorkspaceFolder;
const folder = (name: string, index = 0): Folder => {
  const uri = { fsPath: `/ws/${name}`, toString: () => `file:///ws/${name}` };
  return { name, index, uri } as unknown as Folder;
};
const A = folder("a", 0);
const B = folder("b", 1);
const setWorkspaceFolders = (folders: Folder[] | undefined) => ((vscode.workspace as { workspaceFolders: unknown }).workspaceFolders = folders);

beforeEach(() => {
  settings.clear();
  made.length = 0;
  channels.length = 0;
  handlers.clear();
  setWorkspaceFolders(undefined);
});

describe("pmm.configPath", () => {
  it("is read per workspace folder: the folder's value, else the workspace's, trimmed; empty means none", () => {
    settings.set("", { "pmm.configPath": " shared/pmm.config.yaml " });
    settings.set(A.uri.toString(), { "pmm.configPath": "config/a.yaml" });
    settings.set(B.uri.toString(), { "pmm.configPath": "" });
    expect(configPathFor(A)).toBe("config/a.yaml");
    expect(configPathFor(folder("c"))).toBe("shared/pmm.config.yaml");
    expect(configPathFor(undefined)).toBe("shared/pmm.config.yaml");
    settings.set("", { "pmm.configPath": "  " });
    expect(configPathFor(B)).toBeUndefined();
  });

  it("goes into each folder's client with that folder's files and the shared channels", () => {
    settings.set(B.uri.toString(), { "pmm.configPath": "b.yaml" });
    const log = { name: "log" } as unknown as import("vscode").LogOutputChannel;
    const trace = { name: "trace" } as unknown as import("vscode").LogOutputChannel;
    const options = clientOptions(B, log, trace);
    expect(options.initializationOptions).toEqual({ configPath: "b.yaml" });
    expect(options.documentSelector).toEqual([{ scheme: "file", language: "pmm", pattern: "/ws/b/**/*" }]);
    expect(options.workspaceFolder).toBe(B);
    expect(options.outputChannel).toBe(log);
    expect(options.traceOutputChannel).toBe(trace);
    expect(clientOptions(undefined, log, trace)).toMatchObject({ documentSelector: [{ language: "pmm" }], initializationOptions: { configPath: undefined } });
    expect(clientOptions(undefined, log, trace).workspaceFolder).toBeUndefined();
  });
});

describe("pmm.trace.server", () => {
  const logChannel = () => {
    const lines: string[] = [];
    return { lines, channel: { name: "pmm", appendLine: (l: string) => lines.push(l), dispose: () => lines.push("(disposed)") } as unknown as import("vscode").LogOutputChannel };
  };

  it("sets the trace channel's level (Trace unless off), and traces are plain lines in the log channel", () => {
    const { lines, channel } = logChannel();
    settings.set("", { "pmm.trace.server": "messages" });
    const trace = new TraceChannel(channel);
    expect(trace.logLevel).toBe(vscode.LogLevel.Trace);
    trace.trace("[Trace - 10:00:00] Sending request 'initialize - (0)'.");
    expect(lines).toEqual(["[Trace - 10:00:00] Sending request 'initialize - (0)'."]);
    settings.set("", { "pmm.trace.server": "off" });
    expect(new TraceChannel(channel).logLevel).toBe(vscode.LogLevel.Off);
  });

  it("a change of the setting fires onDidChangeLogLevel once (the client then re-sends $/setTrace); off stops the lines", () => {
    const { lines, channel } = logChannel();
    const trace = new TraceChannel(channel);
    const fired: number[] = [];
    trace.onDidChangeLogLevel((l) => fired.push(l));
    trace.refresh();
    expect(fired).toEqual([]);
    settings.set("", { "pmm.trace.server": "verbose" });
    trace.refresh();
    trace.refresh();
    expect(fired).toEqual([vscode.LogLevel.Trace]);
    settings.set("", { "pmm.trace.server": "off" });
    trace.refresh();
    trace.trace("dropped");
    expect(fired).toEqual([vscode.LogLevel.Trace, vscode.LogLevel.Off]);
    expect(lines).toEqual([]);
    trace.dispose();
    expect(lines).toEqual([]); // the log channel outlives the adapter
  });
});

describe("PmmClients", () => {
  const fake = () => {
    const log: string[] = [];
    const clients = new PmmClients((f) => {
      const name = f?.name ?? "(no folder)";
      log.push(`make ${name}`);
      return { start: async () => void log.push(`start ${name}`), stop: async () => void log.push(`stop ${name}`) };
    });
    return { log, clients };
  };

  it("one client per folder; removed folders stop, new ones start, kept ones are untouched", async () => {
    const { log, clients } = fake();
    await clients.sync([A]);
    await clients.sync([A, B]);
    await clients.sync([B]);
    expect(log).toEqual(["make a", "start a", "make b", "start b", "stop a"]);
    expect(clients.folders()).toEqual([B]);
  });

  it("a window without folders gets one client; restart replaces only the selected clients", async () => {
    const { log, clients } = fake();
    await clients.sync(undefined);
    expect(clients.folders()).toEqual([undefined]);
    await clients.sync([A, B]);
    log.length = 0;
    await clients.restart((f) => f === B);
    expect(log).toEqual(["stop b", "make b", "start b"]);
    log.length = 0;
    await clients.stopAll();
    expect(log.sort()).toEqual(["stop a", "stop b"]);
    expect(clients.folders()).toEqual([]);
  });
});

describe("activate", () => {
  const context = () => ({ subscriptions: [] as { dispose(): unknown }[], asAbsolutePath: (p: string) => `/ext/${p}` }) as unknown as import("vscode").ExtensionContext;
  const affects = (changed: Record<string, string[]>) => ({
    affectsConfiguration: (section: string, scope?: { toString(): string }) => section in changed && (scope === undefined || changed[section]!.includes(scope.toString())),
  });

  it("creates one log channel, and every client (after restarts and configPath changes) writes into it", async () => {
    setWorkspaceFolders([A, B]);
    settings.set(A.uri.toString(), { "pmm.configPath": "a.yaml" });
    const ctx = context();
    await activate(ctx);
    expect(made.map((m) => [m.name, (m.options["initializationOptions"] as { configPath?: string }).configPath])).toEqual([
      ["pmm language server (a)", "a.yaml"],
      ["pmm language server (b)", undefined],
    ]);
    expect(made.every((m) => m.id === "pmm" && m.started === 1)).toBe(true);

    await handlers.get("command:pmm.restartServer")!();
    expect(made.slice(0, 2).map((m) => m.stopped)).toEqual([1, 1]);
    expect(made.length).toBe(4);

    // Only b's folder setting changed: only b's server restarts, with the new path.
    settings.set(B.uri.toString(), { "pmm.configPath": "b.yaml" });
    await handlers.get("configuration")!(affects({ "pmm.configPath": [B.uri.toString()] }));
    expect(made.length).toBe(5);
    expect(made[4]!.name).toBe("pmm language server (b)");
    expect(made[4]!.options["initializationOptions"]).toEqual({ configPath: "b.yaml" });
    expect(made[2]!.stopped).toBe(0);

    expect(channels.map((c) => c.name)).toEqual(["pmm language server"]);
    const log = made[0]!.options["outputChannel"];
    const trace = made[0]!.options["traceOutputChannel"];
    expect(made.every((m) => m.options["outputChannel"] === log && m.options["traceOutputChannel"] === trace)).toBe(true);
    expect(channels[0]!.disposed).toBe(false);

    // Deactivation: the subscriptions stop the servers, then close the channel.
    for (const s of ctx.subscriptions) await s.dispose();
    expect(made.filter((m) => m.stopped === 0)).toEqual([]);
    expect(channels[0]!.disposed).toBe(true);
  });

  it("a trace setting change reaches the clients through the trace channel; workspace folder changes add and stop clients", async () => {
    setWorkspaceFolders([A]);
    await activate(context());
    const trace = made[0]!.options["traceOutputChannel"] as import("vscode").LogOutputChannel;
    const levels: number[] = [];
    trace.onDidChangeLogLevel((l) => levels.push(l));
    settings.set("", { "pmm.trace.server": "verbose" });
    await handlers.get("configuration")!(affects({ "pmm.trace.server": [] }));
    expect(levels).toEqual([vscode.LogLevel.Trace]);
    expect(made.length).toBe(1); // no restart for a trace change

    setWorkspaceFolders([B]);
    await handlers.get("folders")!();
    expect(made.map((m) => [m.name, m.started, m.stopped])).toEqual([
      ["pmm language server (a)", 1, 1],
      ["pmm language server (b)", 1, 0],
    ]);
  });
});
