import { solveChallenge } from "altcha-lib/v1";
import type { FastifyInstance } from "fastify";
import { call } from "./server-harness.js";

/** A solved ALTCHA payload for the feedback form, as the page's solver sends it. */
export async function solvedChallenge(app: FastifyInstance): Promise<string> {
  const c = (await call(app, { method: "GET", url: "/api/public/challenge" })).body;
  const s = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  return Buffer.from(JSON.stringify({ ...c, number: s!.number })).toString("base64");
}
