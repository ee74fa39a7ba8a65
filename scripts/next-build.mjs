#!/usr/bin/env node
// `next build` in two processes: one compiles the app, the next prerenders the pages. In one
// process, Turbopack's memory is still held while the prerender workers start, and that moment is
// the build's peak; splitting the steps frees it first (docs/performance.md has the figures).
// The compile step's own summary lists every route as dynamic, which would mislead a writer
// reading the build, so its output is shown only when it fails.
import { spawn } from 'node:child_process';
import path from 'node:path';

const nextBin = path.resolve(import.meta.dirname, '../node_modules/.bin/next');
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };

/**
 * @param {'compile' | 'generate'} mode
 * @param {boolean} quiet keep the output, shown only if the step fails
 * @returns {Promise<{ status: number; output: string }>}
 */
function nextBuild(mode, quiet) {
  const child = spawn(process.execPath, [nextBin, 'build', `--experimental-build-mode=${mode}`], {
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
  });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += chunk));
  child.stderr?.on('data', (chunk) => (output += chunk));
  return new Promise((resolve) => child.on('close', (code, signal) => resolve({ status: code ?? (signal ? 1 : 0), output })));
}

const started = performance.now();
const compiled = await nextBuild('compile', true);
if (compiled.status !== 0) {
  process.stderr.write(compiled.output);
  process.exit(compiled.status);
}
console.log(`Compiled the app in ${((performance.now() - started) / 1000).toFixed(1)} s; prerendering the pages…`);
const generated = await nextBuild('generate', false);
process.exit(generated.status);
