#!/usr/bin/env node
// Runs a command with no network at all but one forwarded port, to prove it needs nothing from the
// internet. Started as `unshare --map-root-user --net node offline.mjs <socket> <port> -- command…`:
// the new network namespace has only a loopback interface, on which 127.0.0.1:<port> is carried to
// the Unix socket <socket> (files cross namespaces; the test serves the socket from outside).
import { execFileSync, spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * A server whose every connection is piped both ways to a fresh connection made by `connect`.
 * @param {() => import('node:net').Socket} connect
 */
export function createForwarder(connect) {
  return createServer((incoming) => {
    const outgoing = connect();
    incoming.pipe(outgoing).pipe(incoming);
    incoming.on('error', () => outgoing.destroy());
    outgoing.on('error', () => incoming.destroy());
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [socket, port, separator, command, ...args] = process.argv.slice(2);
  if (!socket || !port || separator !== '--' || !command) throw new Error('usage: offline.mjs <socket> <port> -- <command> [args…]');
  execFileSync('ip', ['link', 'set', 'lo', 'up']);
  const forwarder = createForwarder(() => createConnection(socket));
  await new Promise((resolve) => forwarder.listen(Number(port), '127.0.0.1', () => resolve(undefined)));
  const child = spawn(command, args, { stdio: 'inherit' });
  child.on('exit', (code, signal) => {
    forwarder.close();
    process.exit(code ?? (signal ? 1 : 0));
  });
}
