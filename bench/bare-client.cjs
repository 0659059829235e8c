// The floor for any Node.js program that answers what `kmon status` answers: read the server, CA
// and bearer token from the kubeconfig with as little code as possible, make the same two GETs
// over TLS, and exit. Only kubeconfigs shaped like the simulator's are understood. CommonJS, the
// cheaper way for Node to start, as kmon status starts too.
const { readFileSync } = require('node:fs');
const { request } = require('node:https');

const text = readFileSync(process.argv[2], 'utf8');
const field = (key) => new RegExp(`${key}:\\s*(\\S+)`).exec(text)?.[1] ?? '';
const server = new URL(field('server'));
const ca = Buffer.from(field('certificate-authority-data'), 'base64');
const headers = { Authorization: `Bearer ${field('token')}` };

const get = (path) =>
  new Promise((resolve, reject) => {
    const req = request({ host: server.hostname, port: server.port, path, ca, headers }, (res) => {
      const chunks = [];
      res.on('data', (chunk) => chunks.push(chunk));
      res.on('end', () => (res.statusCode === 200 ? resolve(Buffer.concat(chunks)) : reject(new Error(`${path}: ${res.statusCode}`))));
    });
    req.on('error', reject);
    req.end();
  });

Promise.all([get('/api/v1/nodes'), get('/apis/metrics.k8s.io/v1beta1/nodes')]).catch((e) => {
  console.error(e.message);
  process.exitCode = 1;
});
