/**
 * Test support: a request over real HTTP whose body is sent piece by piece (chunked, no
 * Content-Length), stopping as soon as the server answers, to show when the server refused it.
 */
import { request } from "node:http";

export type StreamedAnswer = {
  status: number;
  body: { code?: string; message?: string };
  /** how many pieces had been sent when the answer came */
  piecesSent: number;
  /** whether the whole body had been sent */
  finished: boolean;
};

export function sendInPieces(
  url: string,
  headers: Record<string, string>,
  pieces: readonly Buffer[],
  opts: { end: boolean } = { end: true },
): Promise<StreamedAnswer> {
  return new Promise((resolve, reject) => {
    let piecesSent = 0;
    let finished = false;
    let answered = false;
    const req = request(url, { method: "POST", headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (chunk: Buffer) => chunks.push(chunk));
      res.on("end", () => {
        req.destroy();
        const text = Buffer.concat(chunks).toString("utf8");
        resolve({ status: res.statusCode ?? 0, body: JSON.parse(text), piecesSent, finished });
      });
    });
    req.on("error", (error) => {
      if (!answered) reject(error);
    });
    const next = () => {
      if (answered) return;
      if (piecesSent < pieces.length) {
        const piece = pieces[piecesSent++]!;
        // one piece at a time, each after the previous left (and a turn for the answer to come)
        req.write(piece, () => setTimeout(next, 5));
      } else if (opts.end) {
        finished = true;
        req.end();
      }
    };
    next();
  });
}
