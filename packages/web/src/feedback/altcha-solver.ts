/**
 * The ALTCHA proof of work solved in the page (no widget from a CDN): find the number whose
 * SHA-256 of salt + number equals the challenge, and send the payload the server verifies.
 */
export type Challenge = {
  algorithm: string;
  challenge: string;
  maxnumber?: number;
  salt: string;
  signature: string;
};

async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, "0")).join("");
}

export async function solveAltcha(c: Challenge): Promise<string> {
  const max = c.maxnumber ?? 1_000_000;
  for (let n = 0; n <= max; n++) {
    if ((await sha256Hex(c.salt + n)) === c.challenge)
      return btoa(JSON.stringify({ ...c, number: n }));
  }
  throw new Error("Không giải được mã xác minh; vui lòng tải lại trang.");
}
