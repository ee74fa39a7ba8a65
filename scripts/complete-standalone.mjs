#!/usr/bin/env node
// After `next build`: makes the standalone folder a blog that runs on its own with
// `node .next/standalone/server.js`. Next traces the server's code, the posts and what
// scripts/prepare-build.ts compiled for them into it, but leaves out the browser assets and public/.
import { cpSync, existsSync, mkdirSync, rmSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { distDirectory, postsDirectory } from '../lib/deploy/paths.mjs';

const root = path.resolve(import.meta.dirname, '..');
const distDir = distDirectory();
const standalone = path.join(root, distDir, 'standalone');

if (!existsSync(path.join(standalone, 'server.js'))) {
  console.log('No standalone output to complete (a serverless host packages the build itself).');
  process.exit(0);
}

/** @type {[from: string, to: string][]} */
const copies = [
  [path.join(root, 'public'), path.join(standalone, 'public')],
  [path.join(root, distDir, 'static'), path.join(standalone, distDir, 'static')],
  // The server changes into its own folder, so the posts go where it looks for them (tracing
  // only reaches posts inside the project).
  [postsDirectory(), path.join(standalone, 'content/posts')],
];
for (const [from, to] of copies) {
  if (!existsSync(from)) continue;
  rmSync(to, { recursive: true, force: true });
  cpSync(from, to, { recursive: true });
}

// Folio's data (the SQLite database, the local secret) stays in the project's data/ folder rather
// than in the standalone folder, which every build replaces. FOLIO_DATA_DIR overrides both.
const data = path.join(standalone, 'data');
if (!existsSync(data)) {
  mkdirSync(path.join(root, 'data'), { recursive: true });
  symlinkSync(path.relative(standalone, path.join(root, 'data')), data, 'dir');
}
console.log(`Standalone server ready: node ${path.relative(process.cwd(), path.join(standalone, 'server.js'))}`);
