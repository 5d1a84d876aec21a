import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { call } from "./server-harness.js";

/**
 * A solved ALTCHA payload for the feedback form, as the page's solver sends it: the number
 * whose SHA-256 with the salt is the challenge, found with node's synchronous hash (a few ms;
 * altcha-lib's solver awaits WebCrypto for every number, seconds on a loaded machine).
 */
export async function solvedChallenge(app: FastifyInstance): Promise<string> {
  const c = (await call(app, { method: "GET", url: "/api/public/challenge" })).body;
  let number = 0;
  while (createHash("sha256").update(`${c.salt}${number}`).digest("hex") !== c.challenge) {
    number += 1;
    if (number > c.maxnumber) throw new Error("ALTCHA challenge without a solution");
  }
  return Buffer.from(JSON.stringify({ ...c, number })).toString("base64");
}
