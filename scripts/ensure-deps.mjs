// Makes `npm start` and `npm test` work in a fresh clone: installs the locked dependencies when
// node_modules is missing or does not match package-lock.json. Uses only Node built-ins on purpose.
import { execSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dependencyState, lockHashOf, stampFile } from './dependency-stamp.mjs';

const hiddenLockfile = 'node_modules/.package-lock.json';
const lockfile = 'package-lock.json';

const lockHash = lockHashOf(readFileSync(lockfile));
const state = dependencyState({
  lockHash,
  stamp: existsSync(stampFile) ? readFileSync(stampFile, 'utf8') : undefined,
  hiddenLockMtimeMs: existsSync(hiddenLockfile) ? statSync(hiddenLockfile).mtimeMs : undefined,
  lockMtimeMs: statSync(lockfile).mtimeMs,
});

if (state === 'install') {
  console.error('[klaxon] installing dependencies (npm ci)…');
  execSync('npm ci --no-audit --no-fund', { stdio: 'inherit' });
}
if (state !== 'current') writeFileSync(stampFile, `${lockHash}\n`);
