import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import type { Actor } from "../services/actor.js";
import { requireActor } from "./auth.js";
import { cleanTextInput } from "./text-input.js";

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
type Schema = z.ZodType;
type Out<S> = S extends z.ZodType ? z.output<S> : undefined;

/** One endpoint: its zod schemas (validated here, published in /api/openapi.json) and handler. */
export type RouteDef<
  P extends Schema | undefined,
  Q extends Schema | undefined,
  B extends Schema | undefined,
  R extends Schema = Schema,
> = {
  method: Method;
  url: string;
  summary: string;
  tag: string;
  /** `public`: no login; otherwise a session or token is required (401 without). */
  access: "public" | "user";
  params?: P;
  query?: Q;
  body?: B;
  /** The success response's schema (JSON), required: published in /api/openapi.json and held
   * to the real bodies by the permission matrix. */
  response: R;
  /** The success response's media type(s) when it is not JSON (a file download). */
  produces?: string | readonly string[];
  status?: number;
  /** Documented alternative body: multipart/form-data fields and files. */
  multipart?: Schema;
  /** Returns the body the response schema describes (checked when compiling, so a handler
   * cannot send a shape its schema — and the web app that imports it — does not know), or the
   * reply it has already sent (file downloads). */
  handler: (ctx: {
    params: Out<P>;
    query: Out<Q>;
    body: Out<B>;
    actor: Actor;
    request: FastifyRequest;
    reply: FastifyReply;
  }) => Promise<z.input<R> | FastifyReply>;
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRoute = RouteDef<any, any, any, any>;

declare module "fastify" {
  interface FastifyContextConfig {
    /** A public read: no session or token is looked up (its handler never reads one). */
    anonymous?: boolean;
  }
}

/**
 * Registers routes and remembers them for the OpenAPI document; tells the `afterWrite`
 * listeners when a signed-in user's write has committed (its handler returned).
 */
export class RouteTable {
  readonly routes: AnyRoute[] = [];
  private readonly writeListeners: (() => void)[] = [];

  constructor(private readonly app: FastifyInstance) {}

  /** Calls `listener` after every successful write (not GET) by a signed-in user. */
  afterWrite(listener: () => void): void {
    this.writeListeners.push(listener);
  }

  add<
    P extends Schema | undefined,
    Q extends Schema | undefined,
    B extends Schema | undefined,
    R extends Schema,
  >(def: RouteDef<P, Q, B, R>): void {
    this.routes.push(def);
    const signedInWrite = def.access === "user" && def.method !== "GET";
    this.app.route({
      method: def.method,
      url: def.url,
      config: { anonymous: def.access === "public" && def.method === "GET" },
      handler: async (request, reply) => {
        const actor = def.access === "public" ? (null as unknown as Actor) : requireActor(request);
        const params = def.params ? def.params.parse(cleanTextInput(request.params)) : undefined;
        const query = def.query ? def.query.parse(cleanTextInput(request.query)) : undefined;
        const body =
          def.body && !request.isMultipart()
            ? def.body.parse(cleanTextInput(request.body ?? {}))
            : undefined;
        const result = await def.handler({
          params: params as Out<P>,
          query: query as Out<Q>,
          body: body as Out<B>,
          actor,
          request,
          reply,
        });
        if (signedInWrite) for (const listener of this.writeListeners) listener();
        if (reply.sent) return reply;
        if (def.status) reply.status(def.status);
        return result;
      },
    });
  }
}
