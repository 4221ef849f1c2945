// Makes `npm start` and `npm test` work in a fresh clone: installs the locked dependencies when
// node_modules is missing or older than package-lock.json. Uses only Node built-ins on purpose.
import { execSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';

const installedMarker = 'node_modules/.package-lock.json';
const lockfile = 'package-lock.json';

const isStale =
  !existsSync(installedMarker) || statSync(installedMarker).mtimeMs < statSync(lockfile).mtimeMs;

if (isStale) {
  console.error('[klaxon] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
