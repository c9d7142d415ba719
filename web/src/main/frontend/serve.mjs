// For working on the portal: serves a fresh bundle on every page load and passes /api to a running
// dubgate server, so a change shows without rebuilding the EAR.
//   DUBGATE_URL=http://127.0.0.1:8080 node serve.mjs [port]    (default port 8000)
import { context } from 'esbuild';
import { createServer, request } from 'node:http';
import { readFileSync } from 'node:fs';

const target = new URL(process.env.DUBGATE_URL ?? 'http://127.0.0.1:8080');
const port = Number(process.argv[2] ?? 8000);
const bundler = await context({ entryPoints: ['src/main.js'], bundle: true, format: 'esm', write: false,
  outfile: 'portal.js', sourcemap: 'inline' });

createServer(async (req, res) => {
  if (req.url.startsWith('/api/')) {
    const upstream = request({ host: target.hostname, port: target.port, path: req.url, method: req.method,
      headers: { ...req.headers, host: target.host } }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', (e) => { res.writeHead(502); res.end(String(e)); });
    req.pipe(upstream);
  } else if (req.url === '/assets/portal.js') {
    try {
      const result = await bundler.rebuild();
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(result.outputFiles[0].contents);
    } catch (e) {
      res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(e));
    }
  } else if (req.url === '/assets/styles.css') {
    res.writeHead(200, { 'content-type': 'text/css' });
    res.end(readFileSync('styles.css'));
  } else {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end(readFileSync('index.html'));
  }
}).listen(port, '127.0.0.1', () => console.log(`portal: http://127.0.0.1:${port}/ -> ${target}`));
