// tsconfig uses `moduleResolution: node`, which ignores package.json `exports`, so the `/node` entry points of the
// LSP libraries do not resolve for the type checker (esbuild, tsx and Node resolve them fine). These ambient
// declarations point the type checker at the same files. Harmless if moduleResolution is ever switched to node16.
declare module 'vscode-languageserver/node' {
  export * from 'vscode-languageserver/lib/node/main';
}
declare module 'vscode-languageclient/node' {
  export * from 'vscode-languageclient/lib/node/main';
}
declare module 'vscode-languageserver-protocol/node' {
  export * from 'vscode-languageserver-protocol/lib/node/main';
}
declare module 'vscode-jsonrpc/node' {
  export * from 'vscode-jsonrpc/lib/node/main';
}
