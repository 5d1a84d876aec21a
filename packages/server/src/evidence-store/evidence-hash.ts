/** The SHA-256 of a stream's bytes (a stored file read back, a file on disk). */
import { createHash } from "node:crypto";
import type { Readable } from "node:stream";

export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash("sha256");
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return hash.digest("hex");
}
