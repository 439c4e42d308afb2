// Open documents, kept by the server itself rather than by vscode-languageserver's TextDocuments so that the rules
// are explicit: changes for documents that are not open are ignored, and so are changes whose version is not newer
// than the one we have (out-of-order or replayed notifications).

import { TextDocument } from 'vscode-languageserver-textdocument';
import type {
  DidChangeTextDocumentParams,
  DidCloseTextDocumentParams,
  DidOpenTextDocumentParams,
} from 'vscode-languageserver/node';

export function isMarkdown(uri: string, languageId?: string): boolean {
  if (languageId === 'markdown') return true;
  if (languageId && languageId !== 'plaintext' && languageId !== '') return false;
  const p = uri.split(/[?#]/)[0].toLowerCase();
  return p.endsWith('.md') || p.endsWith('.markdown');
}

export class DocumentStore {
  private readonly docs = new Map<string, TextDocument>();

  get(uri: string): TextDocument | undefined {
    return this.docs.get(uri);
  }

  all(): TextDocument[] {
    return [...this.docs.values()];
  }

  open(params: DidOpenTextDocumentParams): TextDocument {
    const { uri, languageId, version, text } = params.textDocument;
    const doc = TextDocument.create(uri, languageId, version, text);
    this.docs.set(uri, doc);
    return doc;
  }

  /** Applies a change; returns the document, or undefined when the change was ignored (unknown doc, stale version). */
  change(params: DidChangeTextDocumentParams): TextDocument | undefined {
    const { uri, version } = params.textDocument;
    const doc = this.docs.get(uri);
    if (!doc) return undefined;
    if (typeof version !== 'number' || version <= doc.version) return undefined;
    if (!Array.isArray(params.contentChanges)) return undefined;
    TextDocument.update(doc, params.contentChanges, version);
    return doc;
  }

  close(params: DidCloseTextDocumentParams): boolean {
    return this.docs.delete(params.textDocument.uri);
  }
}
