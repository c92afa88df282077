/**
 * A TCP proxy to stand between the bot and Redis, so a test can take Redis away from the bot (and
 * give it back) without touching the Redis other tests use.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { once } from 'node:events';

export interface TcpProxy {
  port: number;
  /** Refuses new connections and cuts the open ones: to its clients, Redis is down. */
  stop(): Promise<void>;
  /** Accepts connections again on the same port. */
  start(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let server: Server | undefined;
  let port = 0;

  async function listen(): Promise<void> {
    server = createServer((client) => {
      const upstream = connect(target.port, target.host);
      for (const socket of [client, upstream]) {
        sockets.add(socket);
        socket.on('close', () => sockets.delete(socket));
        socket.on('error', () => socket.destroy());
      }
      client.pipe(upstream).pipe(client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
    server.listen(port, '127.0.0.1');
    await once(server, 'listening');
    port = (server.address() as { port: number }).port;
  }

  await listen();
  return {
    get port() {
      return port;
    },
    async stop() {
      const closing = server ? new Promise((resolve) => server?.close(resolve)) : Promise.resolve();
      for (const socket of sockets) socket.destroy();
      await closing;
      server = undefined;
    },
    start: listen,
  };
}
