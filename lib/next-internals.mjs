// Every private module of Next that Folio reaches, written for Next 16.4.6 (pinned in package.json).
// Each has no public equivalent; a Next upgrade starts by checking that these paths and shapes still hold.
import fileSystemCache from 'next/dist/server/lib/incremental-cache/file-system-cache.js';

/** @typedef {import('next/dist/server/lib/incremental-cache').CacheHandlerContext} CacheHandlerContext */
/** @typedef {ConstructorParameters<typeof fileSystemCache>[0]} FileSystemCacheContext */

/**
 * Next's reader of the pages a build wrote: it alone knows the route-cache layout on disk.
 * Node hands over the CommonJS exports object; the server bundles that also load this file, its default.
 */
export const FileSystemCache = /** @type {{ default?: typeof fileSystemCache }} */ (/** @type {unknown} */ (fileSystemCache)).default ?? fileSystemCache;

/**
 * The browser's own encoder for server-action arguments, from the React build Next ships (for the
 * bench). Named by a variable and loaded when first called, so that neither the servers importing
 * this module nor the bundlers and tracers that read it load it.
 * @param {unknown} value
 * @returns {Promise<FormData | string>}
 */
export async function encodeReply(value) {
  const client = 'next/dist/compiled/react-server-dom-turbopack/client.node.js';
  /** @type {{ default: { encodeReply(value: unknown): Promise<FormData | string> } }} */
  const { default: reactClient } = await import(client);
  return reactClient.encodeReply(value);
}
