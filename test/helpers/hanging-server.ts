// A server that accepts connections and never says a word: the cluster that hangs, as opposed to
// the one that refuses. Sockets are held open until close().
import { readFile, writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import path from 'node:path';
import { tempDir } from './temp-dir.js';

export interface HangingServer {
  readonly port: number;
  connections(): number;
  /** A copy of a kubeconfig with every server pointed here. */
  kubeconfigLike(kubeconfig: string): Promise<string>;
  close(): Promise<void>;
}

export async function hangingServer(): Promise<HangingServer> {
  const sockets = new Set<Socket>();
  let accepted = 0;
  const server = createServer((socket) => {
    accepted++;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    connections: () => accepted,
    async kubeconfigLike(kubeconfig) {
      const text = await readFile(kubeconfig, 'utf8');
      const file = path.join(tempDir('kmon-hang-'), 'kubeconfig');
      await writeFile(file, text.replace(/server: https:\/\/[^\s]+/g, `server: https://127.0.0.1:${port}`), { mode: 0o600 });
      return file;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
