import type { FastifyInstance } from "fastify";

/**
 * Strict headers on every response: no inline scripts or styles, no framing, no MIME sniffing,
 * no referrer leaking task addresses to other sites; HSTS over HTTPS.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");

export function installSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    // Over HTTPS (directly, or through the trusted proxy: GIAMSAT_TRUST_PROXY) browsers are told
    // to come back over HTTPS only.
    if (request.protocol === "https")
      reply.header("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    // a route may set a stricter document policy of its own (an evidence preview: sandboxed,
    // framed by this site only); every other response gets the app's
    if (!reply.hasHeader("Content-Security-Policy"))
      reply.header("Content-Security-Policy", contentSecurityPolicy);
    reply.header("X-Content-Type-Options", "nosniff");
    reply.header("Referrer-Policy", "same-origin");
    if (!reply.hasHeader("X-Frame-Options")) reply.header("X-Frame-Options", "DENY");
    reply.header("Cross-Origin-Opener-Policy", "same-origin");
    return payload;
  });
}
