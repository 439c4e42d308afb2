// The wrappers every handler goes through, and the checks of request parameters they share.
//
// Every handler is wrapped: an exception becomes an error response and a log line, never a dead server.

import { CancellationToken, ErrorCodes, LSPErrorCodes, Position, ResponseError } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerContext } from './context';

export function invalidParams(message: string): ResponseError<void> {
  return new ResponseError(ErrorCodes.InvalidParams, message);
}

export function tick(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

export function isPosition(p: unknown): p is Position {
  const q = p as Position;
  return !!q && Number.isInteger(q.line) && Number.isInteger(q.character) && q.line >= 0 && q.character >= 0;
}

/** The error the LSP specification prescribes for a request at this point of the lifecycle, if any. */
export function lifecycleError(ctx: ServerContext, name: string): ResponseError<void> | undefined {
  if (ctx.shuttingDown) return new ResponseError(ErrorCodes.InvalidRequest, `${name}: the server is shut down; only exit is accepted`);
  if (name === 'initialize') {
    return ctx.initializeAnswered ? new ResponseError(ErrorCodes.InvalidRequest, 'initialize may only be sent once') : undefined;
  }
  if (!ctx.initializeAnswered) return new ResponseError(ErrorCodes.ServerNotInitialized, `${name}: the server is not initialized`);
  return undefined;
}

export function request<P, R>(ctx: ServerContext, name: string, fn: (params: P, token: CancellationToken, ...rest: any[]) => R | Promise<R>) {
  return async (params: P, token: CancellationToken, ...rest: any[]): Promise<R | ResponseError<any>> => {
    const refused = lifecycleError(ctx, name);
    if (refused) {
      ctx.log(refused.message);
      return refused;
    }
    try {
      return await fn(params, token, ...rest);
    } catch (err) {
      if (err instanceof ResponseError) {
        if (err.code !== LSPErrorCodes.RequestCancelled && err.code !== LSPErrorCodes.ServerCancelled) {
          ctx.log(`${name}: ${err.message}`);
        }
        return err;
      }
      const message = err instanceof Error ? err.stack || err.message : String(err);
      ctx.logError(`${name} failed: ${message}`);
      return new ResponseError(ErrorCodes.InternalError, `${name} failed: ${err instanceof Error ? err.message : String(err)}`);
    }
  };
}

export function notification<P>(ctx: ServerContext, name: string, fn: (params: P) => void | Promise<void>) {
  return (params: P): void => {
    // Before initialize and after shutdown, notifications are dropped (LSP: only exit still counts).
    if (!ctx.initializeAnswered || ctx.shuttingDown) return;
    Promise.resolve()
      .then(() => fn(params))
      .catch((err) => ctx.logError(`${name} failed: ${err instanceof Error ? err.stack || err.message : String(err)}`));
  };
}

export function cancelled(token: CancellationToken | undefined): void {
  if (token?.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled');
}

export function documentAt(ctx: ServerContext, uri: string | undefined): TextDocument {
  const doc = uri ? ctx.documents.get(uri) : undefined;
  if (!doc) throw invalidParams(`Unknown document: ${uri}`);
  return doc;
}

export function checkPosition(doc: TextDocument, position: unknown): Position {
  if (!isPosition(position) || position.line >= doc.lineCount) {
    throw invalidParams(`Bad position ${JSON.stringify(position)} in ${doc.uri} (${doc.lineCount} lines)`);
  }
  return position;
}
