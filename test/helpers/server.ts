// A local HTTP server for tests that fetch URLs: it listens on 127.0.0.1 only, on
// a port the system picks, and serves what each test's routes say. Nothing here
// reaches the internet.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export interface TestServer {
  /** The full URL of a path on this server. */
  url(path: string): string;
  /** How many requests each path has had. */
  hits: Map<string, number>;
  close(): Promise<void>;
}

export async function startServer(routes: Record<string, Route>): Promise<TestServer> {
  const hits = new Map<string, number>();
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const route = routes[path];
    if (route) return route(req, res);
    res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not found</h1>');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        // Routes that never answer (time-out tests) leave sockets open: end them.
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that sends `body` with a content type (and a status, 200 by default). */
export function serve(body: string | Buffer, contentType = 'text/html; charset=utf-8', status = 200): Route {
  return (_req, res) => void res.writeHead(status, { 'content-type': contentType }).end(body);
}

/** A route that redirects to `location` (relative or absolute). */
export function redirect(location: string, status = 302): Route {
  return (_req, res) => void res.writeHead(status, { location }).end();
}

/** A route that accepts the request and never answers. */
export const hang: Route = () => undefined;
