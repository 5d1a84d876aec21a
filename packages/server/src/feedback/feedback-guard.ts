import { randomBytes } from "node:crypto";
import { DomainError, ValidationError } from "@giamsat/core";
import { recentHits, recordHit, serverSecret, useChallenge } from "@giamsat/db";
import { createChallenge, verifySolution } from "altcha-lib/v1";
import type { Ctx } from "../services/context.js";

/**
 * What stands between the no-login feedback form and a flood: an ALTCHA proof of work (the
 * browser finds a number whose SHA-256 with the salt matches; the server checks it with the
 * installation's HMAC key, once — a solved challenge is not accepted twice) and a per-IP limit
 * of FEEDBACK_PER_MINUTE submissions. The key (GIAMSAT_ALTCHA_KEY, or generated once and kept
 * in the database), the used challenges and the per-IP hits are shared by every server on the
 * database: a challenge fetched from one server is accepted by another, once.
 */
export const FEEDBACK_PER_MINUTE = 10;
const CHALLENGE_TTL_MS = 10 * 60_000;
const MINUTE_MS = 60_000;

/** The stored key read once per server (it never changes once stored). */
const storedKeys = new WeakMap<Ctx, Promise<string>>();

function hmacKey(ctx: Ctx): Promise<string> {
  if (ctx.config.altchaKey) return Promise.resolve(ctx.config.altchaKey);
  let key = storedKeys.get(ctx);
  if (!key) {
    key = serverSecret(ctx.db, "altcha_hmac_key", () => randomBytes(32).toString("hex"));
    storedKeys.set(ctx, key);
    key.catch(() => storedKeys.delete(ctx));
  }
  return key;
}

export async function newChallenge(ctx: Ctx) {
  return createChallenge({
    hmacKey: await hmacKey(ctx),
    maxNumber: ctx.config.altchaMaxNumber,
    expires: new Date(Date.now() + CHALLENGE_TTL_MS),
  });
}

/** 400 unless `payload` (base64 JSON from the widget) solves a fresh challenge of ours. */
export async function checkProofOfWork(ctx: Ctx, payload: string): Promise<void> {
  const now = Date.now();
  let signature = "";
  let ok = false;
  try {
    signature = String(JSON.parse(Buffer.from(payload, "base64").toString("utf8")).signature ?? "");
    ok = signature !== "" && (await verifySolution(payload, await hmacKey(ctx), true));
  } catch {
    ok = false;
  }
  if (!ok || !(await useChallenge(ctx.db, signature, now + CHALLENGE_TTL_MS, now)))
    throw new ValidationError(
      "Mã xác minh chống gửi tự động (trường altcha) không hợp lệ hoặc đã dùng; vui lòng tải lại trang và gửi lại.",
    );
}

/** 429 for the 11th submission from one address within a minute (on any server). */
export async function checkSubmissionRate(ctx: Ctx, ip: string): Promise<void> {
  const now = Date.now();
  const recent = await recentHits(ctx.db, "feedback", ip, now - MINUTE_MS);
  if (recent.length >= FEEDBACK_PER_MINUTE) {
    const retryAfter = Math.max(1, Math.ceil((recent[0]! + MINUTE_MS - now) / 1000));
    throw new DomainError(
      "rate_limited",
      `Địa chỉ của bạn đã gửi ${recent.length} góp ý trong một phút qua (tối đa ${FEEDBACK_PER_MINUTE}). Vui lòng thử lại sau ${retryAfter} giây.`,
      { retryAfter },
    );
  }
  await recordHit(ctx.db, "feedback", ip, now, now - MINUTE_MS);
}
