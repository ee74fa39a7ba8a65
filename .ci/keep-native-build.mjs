// better-sqlite3 publishes prebuilt binaries on GitHub, which this machine cannot reach, so `npm ci`
// compiles SQLite from source for each Node.js version: most of an install's time, on one core.
// Before downloading, prebuild-install looks in npm's cache under the name of the download. This
// keeps the binary just built there, under that name (it names the package version, Node's ABI,
// platform and architecture), so that the next run on this machine unpacks it instead.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const packageDirectory = path.resolve('node_modules/better-sqlite3');
const binary = 'build/Release/better_sqlite3.node';
const requireFromPackage = createRequire(path.join(packageDirectory, 'package.json'));
const pkg = JSON.parse(readFileSync(path.join(packageDirectory, 'package.json'), 'utf8'));
// prebuild-install's own settings (ABI, platform, libc, tag prefix, mirrors) name the download it looks for.
const prebuildInstall = requireFromPackage('prebuild-install/util');
const download = prebuildInstall.getDownloadUrl({ ...requireFromPackage('prebuild-install/rc')(pkg), pkg });
const cached = prebuildInstall.cachedPrebuild(download);

if (existsSync(cached)) {
  console.log(`better-sqlite3 for Node ABI ${process.versions.modules} was already in npm's cache`);
} else if (existsSync(path.join(packageDirectory, binary))) {
  mkdirSync(path.dirname(cached), { recursive: true });
  const partial = `${cached}.${process.pid}.tmp`;
  execFileSync('tar', ['-czf', partial, '-C', packageDirectory, binary]);
  renameSync(partial, cached);
  console.log(`Kept the better-sqlite3 just compiled for Node ABI ${process.versions.modules} in npm's cache: ${cached}`);
}
