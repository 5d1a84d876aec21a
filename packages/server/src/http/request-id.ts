/**
 * The request id: the `x-request-id` a proxy sent (letters, digits, `.`, `_`, `:`, `-`; at most
 * 128) or a new UUID; it is in every log line of the request (`reqId`) and sent back in the
 * `x-request-id` response header, so that a user's error, the proxy's log and ours meet.
 */
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { IncomingMessage } from "node:http";

const USABLE = /^[\w.:-]{1,128}$/;

export function requestIdOf(request: IncomingMessage): string {
  const given = request.headers["x-request-id"];
  return typeof given === "string" && USABLE.test(given) ? given : randomUUID();
}

export function installRequestId(app: FastifyInstance): void {
  app.addHook("onRequest", async (request, reply) => {
    reply.header("x-request-id", request.id);
  });
}
