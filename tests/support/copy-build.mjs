// Copies the production build for the end-to-end server. Pages regenerated while the tests post
// comments are written into the copy, so the build that `npm start` serves never shows test comments.
import { cpSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';

const [source, target] = process.argv.slice(2);
if (!source || !target) throw new Error('usage: copy-build.mjs <built dist dir> <copy>');
// The build caches and the standalone server are not needed to run `next start` on the copy.
const skipped = new Set([path.join(source, 'cache'), path.join(source, 'standalone')]);
rmSync(target, { recursive: true, force: true });
cpSync(source, target, { recursive: true, filter: (entry) => !skipped.has(entry) });
// What the build shipped for regenerating pages (scripts/prepare-build.ts) goes beside the copy, where its server looks.
rmSync(`${target}-folio`, { recursive: true, force: true });
if (existsSync(`${source}-folio`)) cpSync(`${source}-folio`, `${target}-folio`, { recursive: true });
