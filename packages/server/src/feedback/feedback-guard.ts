import { randomBytes } from "node:crypto";
import { DomainError, ValidationError } from "@giamsat/core";
import { createChallenge, verifySolution } from "altcha-lib/v1";
import type { Ctx } from "../services/context.js";

/**
 * What stands between the no-login feedback form and a flood: an ALTCHA proof of work (the
 * browser finds a number whose SHA-256 with the salt matches; the server checks it with its own
 * HMAC key, once — a solved challenge is not accepted twice) and a per-IP limit of
 * FEEDBACK_PER_MINUTE submissions. Both live in the server process: behind several servers
 * the key and the counters are per server (said in the server README).
 */
export const FEEDBACK_PER_MINUTE = 10;
const CHALLENGE_TTL_MS = 10 * 60_000;

type GuardState = { key: string; used: Map<string, number>; hits: Map<string, number[]> };
const states = new WeakMap<Ctx, GuardState>();

function stateOf(ctx: Ctx): GuardState {
  let s = states.get(ctx);
  if (!s) {
    s = { key: randomBytes(32).toString("hex"), used: new Map(), hits: new Map() };
    states.set(ctx, s);
  }
  return s;
}

export async function newChallenge(ctx: Ctx) {
  return createChallenge({
    hmacKey: stateOf(ctx).key,
    maxNumber: ctx.config.altchaMaxNumber,
    expires: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
}

/** 400 unless `payload` (base64 JSON from the widget) solves a fresh challenge of ours. */
export async function checkProofOfWork(ctx: Ctx, payload: string): Promise<void> {
  const s = stateOf(ctx);
  const now = Date.now();
  for (const [sig, until] of s.used) if (until < now) s.used.delete(sig);
  let signature = "";
  let ok = false;
  try {
    signature = String(JSON.parse(Buffer.from(payload, "base64").toString("utf8")).signature ?? "");
    ok = signature !== "" && !s.used.has(signature) && (await verifySolution(payload, s.key, true));
  } catch {
    ok = false;
  }
  if (!ok)
    throw new ValidationError(
      "Mã xác minh chống gửi tự động (trường altcha) không hợp lệ hoặc đã dùng; vui lòng tải lại trang và gửi lại.",
    );
  s.used.set(signature, now + CHALLENGE_TTL_MS);
}

/** 429 for the 11th submission from one address within a minute. */
export function checkSubmissionRate(ctx: Ctx, ip: string): void {
  const s = stateOf(ctx);
  const now = Date.now();
  const recent = (s.hits.get(ip) ?? []).filter((t) => t > now - 60_000);
  if (recent.length >= FEEDBACK_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]! + 60_000 - now) / 1000));
    s.hits.set(ip, recent);
    throw new DomainError(
      "rate_limited",
      `Địa chỉ của bạn đã gửi ${recent.length} góp ý trong một phút qua (tối đa ${FEEDBACK_PER_MINUTE}). Vui lòng thử lại sau ${retryAfter} giây.`,
      { retryAfter },
    );
  }
  recent.push(now);
  s.hits.set(ip, recent);
}
