import { solveChallenge } from "altcha-lib/v1";
import { expect } from "vitest";

/**
 * Sends a PAKN as a visitor would, the ALTCHA challenge solved here (about `taskId` when
 * given): its code and the sender's secret.
 */
export async function sendFeedback(
  baseUrl: string,
  fields: { title: string; email: string; taskId?: number },
) {
  const c = (await (await fetch(`${baseUrl}/api/public/challenge`)).json()) as {
    challenge: string;
    salt: string;
    algorithm: string;
    maxnumber?: number;
  };
  const solved = await solveChallenge(c.challenge, c.salt, c.algorithm, c.maxnumber).promise;
  const res = await fetch(`${baseUrl}/api/public/feedback`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({
      kind: "kien_nghi",
      content: "Đề nghị công bố lộ trình thực hiện nhiệm vụ.",
      name: "Lê Văn Ẩn Danh",
      phone: "0987 654 321",
      consent: true,
      ...fields,
      altcha: Buffer.from(JSON.stringify({ ...c, number: solved!.number })).toString("base64"),
    }),
  });
  expect(res.status).toBe(201);
  return (await res.json()) as { code: string; secret: string };
}
