import { createHash } from "node:crypto";
import type { FastifyInstance } from "fastify";
import { call } from "./server-harness.js";

type Challenge = { algorithm: string; challenge: string; maxnumber: number; salt: string };

/**
 * A solved ALTCHA payload for the feedback form, as the page's solver sends it: the number
 * whose SHA-256 with the salt is the challenge, found with node's synchronous hash (a few ms;
 * altcha-lib's solver awaits WebCrypto for every number, seconds on a loaded machine).
 */
function solve(c: Challenge): string {
  let number = 0;
  while (createHash("sha256").update(`${c.salt}${number}`).digest("hex") !== c.challenge) {
    number += 1;
    if (number > c.maxnumber) throw new Error("ALTCHA challenge without a solution");
  }
  return Buffer.from(JSON.stringify({ ...c, number })).toString("base64");
}

/** A challenge of the app (in process) solved. */
export async function solvedChallenge(app: FastifyInstance): Promise<string> {
  return solve((await call(app, { method: "GET", url: "/api/public/challenge" })).body);
}

/** A challenge of the server at `address` (a real process) solved. */
export async function solvedChallengeAt(address: string): Promise<string> {
  return solve((await (await fetch(`${address}/api/public/challenge`)).json()) as Challenge);
}
