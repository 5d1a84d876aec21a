/**
 * A reverse proxy as an operator puts in front of several servers, reduced to what a test
 * needs: each request goes to the next upstream in turn; an upstream that refuses the
 * connection (a server that died) is skipped and the request goes to the next one, as nginx's
 * `proxy_next_upstream error` does; a request cut after it reached a server is not sent again
 * (502: the client does not know whether it was done).
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Proxy = { address: string; close(): Promise<void> };

export async function startRoundRobinProxy(upstreams: readonly string[]): Promise<Proxy> {
  let next = 0;
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const attempt = (left: number) => {
        const target = new URL(upstreams[next++ % upstreams.length]!);
        const forward = http.request(
          {
            host: target.hostname,
            port: target.port,
            method: req.method,
            path: req.url,
            headers: req.headers,
          },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        forward.on("error", (error: NodeJS.ErrnoException) => {
          if (error.code === "ECONNREFUSED" && left > 1) return attempt(left - 1);
          if (!res.headersSent) res.writeHead(502).end();
          else res.destroy();
        });
        forward.end(body);
      };
      attempt(upstreams.length);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    address: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
