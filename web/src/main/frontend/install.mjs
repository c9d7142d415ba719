// Runs `npm ci` only when package-lock.json changed since the last install, so a Maven build
// does not wipe and re-fetch node_modules every time. Node built-ins only: it runs before any package is there.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';

const lock = createHash('sha256').update(readFileSync('package-lock.json')).digest('hex');
const marker = 'node_modules/.dubgate-lock-sha256';
if (existsSync(marker) && readFileSync(marker, 'utf8') === lock) {
  console.log('portal: node_modules matches package-lock.json');
} else {
  execFileSync('npm', ['ci', '--no-audit', '--no-fund'], { stdio: 'inherit' });
  writeFileSync(marker, lock);
}
