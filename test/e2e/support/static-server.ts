/**
 * Serves the built renderer (dist/renderer) on a loopback port, as a browser host would load it.
 * Refuses paths outside the folder with the same resolver the Electron protocol uses.
 */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { join, resolve, sep } from 'node:path';
import { resolveAppPath } from '../../../electron/lib/app-protocol';

export interface StaticServer {
  origin: string;
  close: () => Promise<void>;
}

export async function serveRenderer(root = 'dist/renderer'): Promise<StaticServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const result = resolveAppPath(`app://dossier${path}`);
    if (!result.ok) { res.writeHead(result.status).end(result.reason); return; }
    const file = join(base, result.relativePath);
    if (!file.startsWith(base + sep)) { res.writeHead(403).end(); return; }
    readFile(file).then(
      (body) => res.writeHead(200, { 'content-type': result.mimeType, 'cache-control': 'no-store' }).end(body),
      () => res.writeHead(404).end('not found'),
    );
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
