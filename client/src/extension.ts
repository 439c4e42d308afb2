// The VS Code side: starts the bundled language server over IPC for Markdown documents and adds the commands,
// the language status item and the output channel. All checking happens in the server.

import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  ExecuteCommandRequest,
  LanguageClient,
  NotificationType,
  State,
  TransportKind,
  type CloseHandlerResult,
  type ErrorHandler,
  type ErrorHandlerResult,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';

const COMMANDS = {
  checkDocument: 'factcheck.checkDocument',
  checkWorkspace: 'factcheck.checkWorkspace',
  openSource: 'factcheck.openSource',
  restartServer: 'factcheck.restartServer',
  reloadData: 'factcheck.reloadData',
} as const;

/** Mirrors StatusParams in server/src/lsp/protocol.ts. */
interface StatusParams {
  dataset?: { facts: number; sources: number };
  datasetError?: string;
  uri?: string;
  stats?: { claims: number; contradicted: number; undecidable: number };
  skipped?: 'disabled' | 'too-large' | 'no-dataset' | 'engine-error';
}
const StatusNotification = new NotificationType<StatusParams>('factcheck/status');

interface CheckSummary {
  uri: string;
  claims: number;
  contradicted: number;
  undecidable: number;
  diagnostics: number;
  skipped?: StatusParams['skipped'];
}

interface WorkspaceSummary {
  files: number;
  claims: number;
  contradicted: number;
  undecidable: number;
  skipped: number;
  cancelled: boolean;
}

interface OpenSourceArgs {
  uri: string;
  range?: { start: { line: number; character: number }; end: { line: number; character: number } };
}

let client: LanguageClient | undefined;

/** Restarts after crashes like the default handler (up to 4 in 3 minutes), but tells the user only once. */
class RestartingErrorHandler implements ErrorHandler {
  private restarts: number[] = [];
  private told = false;

  constructor(private readonly output: vscode.OutputChannel) {}

  /** A restart the user asked for starts a new window: the crashes before it no longer count. */
  reset(): void {
    this.restarts = [];
  }

  error(): ErrorHandlerResult {
    return { action: ErrorAction.Continue, handled: true };
  }

  closed(): CloseHandlerResult {
    const now = Date.now();
    this.restarts = this.restarts.filter((t) => now - t < 3 * 60 * 1000);
    this.restarts.push(now);
    if (this.restarts.length > 4) {
      this.output.appendLine('The Fact Check server crashed 5 times in 3 minutes; not restarting it again.');
      return {
        action: CloseAction.DoNotRestart,
        message: 'The Fact Check server crashed 5 times in 3 minutes and will not be restarted. Use "Fact Check: Restart Server" to try again.',
      };
    }
    this.output.appendLine('The Fact Check server stopped unexpectedly; restarting it.');
    if (!this.told) {
      this.told = true;
      void vscode.window.showWarningMessage('The Fact Check server crashed and was restarted. Details are in the "Fact Check" output.');
    }
    return { action: CloseAction.Restart, handled: true };
  }
}

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Fact Check', { log: true });
  context.subscriptions.push(output);

  const serverModule = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module: serverModule, transport: TransportKind.ipc, },
    debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };

  const errorHandler = new RestartingErrorHandler(output);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'markdown' },
      { scheme: 'untitled', language: 'markdown' },
    ],
    outputChannel: output,
    // Hovers hold only escaped data and no command links: nothing in them is trusted, no HTML is rendered.
    markdown: { isTrusted: false, supportHtml: false },
    initializationOptions: {
      // The server handles these too, but the extension registers them as VS Code commands with a UI around them.
      clientCommands: Object.values(COMMANDS),
      statusNotifications: true,
    },
    errorHandler,
  };

  client = new LanguageClient('factcheck', 'Fact Check', serverOptions, clientOptions);

  // --- language status --------------------------------------------------------------------------------------------
  const status = vscode.languages.createLanguageStatusItem('factcheck.status', { language: 'markdown' });
  status.name = 'Fact Check';
  status.text = '$(sync~spin) Fact Check';
  status.detail = 'starting';
  status.command = { title: 'Check Document', command: COMMANDS.checkDocument };
  context.subscriptions.push(status);
  let dataset: StatusParams['dataset'];
  let datasetError: string | undefined;
  const lastCheck = new Map<string, StatusParams>();

  const renderStatus = () => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const check = uri ? lastCheck.get(uri) : undefined;
    status.busy = false;
    if (datasetError && !dataset) {
      status.text = '$(error) Fact Check: no dataset';
      status.severity = vscode.LanguageStatusSeverity.Error;
      status.detail = datasetError;
      return;
    }
    status.severity = datasetError ? vscode.LanguageStatusSeverity.Warning : vscode.LanguageStatusSeverity.Information;
    status.text = dataset ? `Fact Check: ${dataset.facts} facts, ${dataset.sources} sources` : 'Fact Check';
    let detail = '';
    if (check?.skipped === 'disabled') detail = 'disabled for this file';
    else if (check?.skipped === 'too-large') detail = 'not checked: file larger than factcheck.maxFileSize';
    else if (check?.stats) {
      const s = check.stats;
      detail = `last check: ${s.claims} claims, ${s.contradicted} contradicted, ${s.undecidable} undecidable`;
    } else detail = 'not checked yet';
    status.detail = datasetError ? `${detail} (dataset reload failed: keeping the last good data)` : detail;
  };

  context.subscriptions.push(vscode.window.onDidChangeActiveTextEditor(renderStatus));
  context.subscriptions.push(
    client.onNotification(StatusNotification, (params: StatusParams) => {
      if (params.dataset) dataset = params.dataset;
      datasetError = params.datasetError;
      if (params.uri) lastCheck.set(params.uri, params);
      renderStatus();
    }),
  );
  context.subscriptions.push(
    client.onDidChangeState((e: { oldState: State; newState: State }) => {
      if (e.newState === State.Starting) {
        status.busy = true;
        status.detail = 'starting';
      } else if (e.newState === State.Stopped) {
        status.busy = false;
        status.text = 'Fact Check: stopped';
        status.detail = 'the server is not running';
      }
    }),
  );

  // --- commands ---------------------------------------------------------------------------------------------------
  const execute = <R>(command: string, args: unknown[] = []): Promise<R> => {
    if (!client || !client.isRunning()) throw new Error('The Fact Check server is not running.');
    return client.sendRequest(ExecuteCommandRequest.type, { command, arguments: args }) as Promise<R>;
  };

  const reportError = (what: string) => (err: unknown) => {
    const message = err instanceof Error ? err.message : String(err);
    output.appendLine(`${what} failed: ${message}`);
    void vscode.window.showErrorMessage(`Fact Check: ${what} failed: ${message}`);
  };

  context.subscriptions.push(
    vscode.commands.registerCommand(COMMANDS.checkDocument, async (arg?: vscode.Uri | string) => {
      const uri = arg ? arg.toString() : vscode.window.activeTextEditor?.document.uri.toString();
      if (!uri) {
        void vscode.window.showInformationMessage('Fact Check: open a Markdown document first.');
        return undefined;
      }
      try {
        const summary = await execute<CheckSummary>(COMMANDS.checkDocument, [uri]);
        let text: string;
        if (summary.skipped === 'disabled') text = 'Fact Check is disabled for this document (factcheck.enable).';
        else if (summary.skipped === 'too-large') text = 'Fact Check: the document is larger than factcheck.maxFileSize and was not checked.';
        else {
          text =
            `Fact Check: ${summary.claims} claim${summary.claims === 1 ? '' : 's'}, ` +
            `${summary.contradicted} contradicted by the sources, ${summary.undecidable} undecidable.`;
        }
        void vscode.window.showInformationMessage(text);
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return summary;
      } catch (err) {
        reportError('Check Document')(err);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.checkWorkspace, async () => {
      try {
        const summary = await execute<WorkspaceSummary>(COMMANDS.checkWorkspace);
        void vscode.window.showInformationMessage(
          `Fact Check: ${summary.files} file${summary.files === 1 ? '' : 's'}, ${summary.claims} claims, ` +
            `${summary.contradicted} contradicted, ${summary.undecidable} undecidable${summary.cancelled ? ' (cancelled)' : ''}.`,
        );
        await vscode.commands.executeCommand('workbench.actions.view.problems');
        return summary;
      } catch (err) {
        reportError('Check Workspace')(err);
        return undefined;
      }
    }),
    vscode.commands.registerCommand(COMMANDS.openSource, async (arg?: OpenSourceArgs) => {
      let target = arg && typeof arg.uri === 'string' ? arg : undefined;
      if (!target) {
        // From the command palette: the source of the fact-check diagnostic under the cursor.
        const editor = vscode.window.activeTextEditor;
        const at = editor?.selection.active;
        const diagnostic = editor && at
          ? vscode.languages.getDiagnostics(editor.document.uri).find((d) => d.source === 'factcheck' && d.range.contains(at) && d.relatedInformation?.length)
          : undefined;
        const location = diagnostic?.relatedInformation?.[0]?.location;
        if (!location) {
          void vscode.window.showInformationMessage('Fact Check: put the cursor on a flagged claim to open its source.');
          return;
        }
        target = { uri: location.uri.toString(), range: { start: location.range.start, end: location.range.end } };
      }
      const r = target.range;
      const selection = r ? new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character) : undefined;
      const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(target.uri));
      const editor = await vscode.window.showTextDocument(document, { selection, preview: true, viewColumn: vscode.ViewColumn.Beside });
      if (selection) editor.revealRange(selection, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    }),
    vscode.commands.registerCommand(COMMANDS.restartServer, async () => {
      if (!client) return;
      output.appendLine('Restarting the Fact Check server.');
      // After the handler gave up (five crashes in three minutes) the client is stopped, or its start failed if the
      // last crash came while the server was starting: restart() would try to stop it first and fail. Start it
      // then; either way with a fresh crash window, so that the next crash is restarted again.
      errorHandler.reset();
      try {
        if (client.state === State.Running) await client.restart();
        else await client.start();
      } catch (err) {
        reportError('Restart Server')(err);
      }
    }),
    vscode.commands.registerCommand(COMMANDS.reloadData, async () => {
      try {
        const result = await execute<{ ok: boolean; message?: string; facts?: number; sources?: number }>(COMMANDS.reloadData);
        if (result.ok) void vscode.window.showInformationMessage(`Fact Check: dataset reloaded (${result.facts} facts, ${result.sources} sources).`);
        // On failure the server has already shown the error.
        return result;
      } catch (err) {
        reportError('Reload Data')(err);
        return undefined;
      }
    }),
  );

  // In Restricted Mode VS Code hides the workspace's value of the restricted settings (package.json,
  // capabilities.untrustedWorkspaces); once the folder is trusted, have the server read its settings again.
  context.subscriptions.push(
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (client?.isRunning()) void client.sendNotification(DidChangeConfigurationNotification.type, { settings: null }).catch(() => undefined);
    }),
  );

  await client.start();
  renderStatus();
}

export async function deactivate(): Promise<void> {
  if (client) {
    const c = client;
    client = undefined;
    await c.stop().catch(() => undefined);
  }
}
