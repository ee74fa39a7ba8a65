import { readFileSync } from 'node:fs';
import path from 'node:path';

function installedVersion(name: string): string {
  const manifest = path.join(/*turbopackIgnore: true*/ process.cwd(), 'node_modules', name, 'package.json');
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version: string }).version;
}

/** `name@version` of each installed package: cache keys change when a renderer is upgraded. */
export function installedVersions(names: readonly string[]): string[] {
  return names.map((name) => `${name}@${installedVersion(name)}`);
}
