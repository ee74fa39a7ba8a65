// Plain JavaScript: instrumentation.ts loads it before Next serves the first request.
import http from 'node:http';

/** Carries the socket's remote address from the HTTP server to server actions, which only see headers. */
export const peerAddressHeader = 'x-folio-peer-address';
const installed = Symbol.for('folio.peer-address');

/** True once this process stamps every request, so a client-sent copy of the header is never believed. */
export function peerAddressKnown() {
  return Boolean(/** @type {Record<symbol, unknown>} */ (globalThis)[installed]);
}

/**
 * Next (`next start` and the standalone server) keeps a client's own `X-Forwarded-For` and gives
 * server actions no other way to learn who connected, so every incoming request is stamped here
 * with its socket's address, replacing whatever the client sent under that name.
 */
export function stampPeerAddresses() {
  if (peerAddressKnown()) return;
  const emit = http.Server.prototype.emit;
  http.Server.prototype.emit = /** @type {typeof emit} */ (
    function (/** @type {string | symbol} */ event, /** @type {unknown[]} */ ...args) {
      if (event === 'request' && args[0] instanceof http.IncomingMessage) {
        args[0].headers[peerAddressHeader] = args[0].socket.remoteAddress ?? '';
      }
      return /** @type {boolean} */ (Reflect.apply(emit, this, [event, ...args]));
    }
  );
  /** @type {Record<symbol, unknown>} */ (globalThis)[installed] = true;
}
