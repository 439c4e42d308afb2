// A stand-in for the VS Code extension host, for test/robustness/client-restart.test.ts: it runs the built client
// (dist/client.js, the real vscode-languageclient bundled in it) against a stub of the `vscode` API whose every
// member answers with a harmless value, records what the extension writes to its output channel and shows, and lets
// the test kill the language server the client started and run the extension's commands. Messages over IPC, each
// answered with the same `id`:
//   {op: 'servers'}            -> {pids}: the live server processes this host started
//   {op: 'kill', pid}          -> SIGKILL to that server
//   {op: 'command', command}   -> runs a registered command
//   {op: 'log'}                -> {log}: output channel lines and notifications, in order
//   {op: 'stop'}               -> deactivates and exits
'use strict';
const Module = require('module');
const path = require('path');
const fs = require('fs');

const ROOT = path.resolve(__dirname, '..', '..');
const log = [];

/** A value that is every API member at once: callable, constructible, thenable (to undefined), iterable (empty). */
function universal(name) {
  const stored = new Map();
  return new Proxy(function () {}, {
    set(_t, p, v) {
      stored.set(p, v);
      return true;
    },
    get(_t, p) {
      if (stored.has(p)) return stored.get(p);
      if (p === 'then') return (resolve) => resolve(undefined);
      if (p === Symbol.iterator) return function* () {};
      if (p === Symbol.toPrimitive) return () => '';
      if (p === 'dispose') return () => undefined;
      if (typeof p === 'symbol') return undefined;
      return universal(`${name}.${String(p)}`);
    },
    apply: () => universal(`${name}()`),
    construct: () => universal(`new ${name}`),
  });
}

// Every name the API exports (the bundle copies a module's own keys), each a universal value; then the few that
// the test reads or drives.
const declared = fs.readFileSync(path.join(ROOT, 'node_modules/@types/vscode/index.d.ts'), 'utf8');
const api = {};
for (const m of declared.matchAll(/^\s{1,4}export (?:class|enum|namespace|const|let|function) ([A-Za-z_]+)/gm)) api[m[1]] = universal(m[1]);
api.version = '1.91.0';

const commands = new Map();
api.commands = new Proxy({}, {
  get(_t, p) {
    if (p === 'registerCommand') {
      return (id, cb) => {
        commands.set(id, cb);
        return { dispose() {} };
      };
    }
    if (p === 'executeCommand') return async (id, ...args) => (commands.has(id) ? commands.get(id)(...args) : undefined);
    return universal(`commands.${String(p)}`);
  },
});

const channel = new Proxy({}, {
  get(_t, p) {
    if (['appendLine', 'append', 'info', 'warn', 'error', 'trace', 'debug'].includes(p)) return (s) => log.push(`output: ${s}`);
    if (p === 'then') return undefined;
    return universal(`channel.${String(p)}`);
  },
});
const windowMembers = {
  createOutputChannel: () => channel,
  showWarningMessage: async (m) => void log.push(`warning: ${m}`),
  showErrorMessage: async (m) => void log.push(`error: ${m}`),
  showInformationMessage: async (m) => void log.push(`info: ${m}`),
};
api.window = new Proxy({}, { get: (_t, p) => windowMembers[p] ?? universal(`window.${String(p)}`) });

const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? 'vscode' : resolve.call(this, request, ...rest);
};
require.cache.vscode = { id: 'vscode', filename: 'vscode', loaded: true, exports: api };

const ext = require(path.join(ROOT, 'dist', 'client.js'));
const context = {
  subscriptions: [],
  asAbsolutePath: (p) => path.join(ROOT, p),
  extensionPath: ROOT,
  extensionUri: universal('extensionUri'),
  extensionMode: 1,
  environmentVariableCollection: universal('environmentVariableCollection'),
};

function servers() {
  const out = [];
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${d}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (fields[0] === 'Z') continue; // exited, not yet reaped
      if (Number(fields[1]) === process.pid && fs.readFileSync(`/proc/${d}/cmdline`, 'utf8').includes('server.js')) out.push(Number(d));
    } catch {
      // gone meanwhile
    }
  }
  return out;
}

process.on('message', async (m) => {
  try {
    if (m.op === 'servers') process.send({ id: m.id, pids: servers() });
    else if (m.op === 'kill') {
      process.kill(m.pid, 'SIGKILL');
      process.send({ id: m.id, ok: true });
    } else if (m.op === 'command') {
      await api.commands.executeCommand(m.command);
      process.send({ id: m.id, ok: true });
    } else if (m.op === 'log') process.send({ id: m.id, log });
    else if (m.op === 'stop') {
      await Promise.race([ext.deactivate(), new Promise((r) => setTimeout(r, 3000))]);
      for (const pid of servers()) process.kill(pid, 'SIGKILL');
      process.send({ id: m.id, ok: true }, () => process.exit(0));
    }
  } catch (e) {
    process.send({ id: m.id, error: String(e && e.stack || e) });
  }
});

ext.activate(context).then(
  () => process.send({ activated: true }),
  (e) => process.send({ activated: false, error: String(e && e.stack || e) }),
);
