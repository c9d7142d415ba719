// Bundles the portal into one script with esbuild and copies the page and stylesheet beside it.
//   node build.mjs [outdir]   (default: the web module's target/portal, which the WAR serves at /)
// axe-core is copied next to it under target/portal-test for the browser tests; it is not served.
import { build } from 'esbuild';
import { cpSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';

const out = resolve(process.argv[2] ?? '../../../target/portal');
mkdirSync(`${out}/assets`, { recursive: true });
await build({
  entryPoints: ['src/main.js'],
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  outfile: `${out}/assets/portal.js`,
  logLevel: 'warning',
});
cpSync('index.html', `${out}/index.html`);
cpSync('styles.css', `${out}/assets/styles.css`);
const testAssets = resolve(out, '../portal-test');
mkdirSync(testAssets, { recursive: true });
cpSync('node_modules/axe-core/axe.min.js', `${testAssets}/axe.min.js`);
console.log(`portal: built into ${out}`);
