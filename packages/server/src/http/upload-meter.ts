import { createHash, type Hash } from "node:crypto";
import { Transform, type TransformCallback } from "node:stream";
import { tooLarge } from "../services/size-limit.js";

/** The first bytes of a file handed to `checkStart` (enough for any magic number). */
const HEAD_BYTES = 16;

type Limits = {
  maxTotalBytes: number;
  checkStart?: (fileName: string, head: Buffer) => void;
};

/**
 * Passes a file part through while counting it against the whole request's total, hashing it
 * and checking its first bytes (`checkStart`) as soon as they arrive: a refusal stops the stream
 * before the rest is read.
 */
export class UploadMeter extends Transform {
  size = 0;
  private readonly hash: Hash = createHash("sha256");
  private head: Buffer = Buffer.alloc(0);
  private checked = false;

  constructor(
    private readonly fileName: string,
    private readonly total: { bytes: number },
    private readonly limits: Limits,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    try {
      this.size += chunk.length;
      this.total.bytes += chunk.length;
      if (this.total.bytes > this.limits.maxTotalBytes)
        throw tooLarge("Tổng dung lượng gửi lên", this.limits.maxTotalBytes);
      if (!this.checked) {
        this.head = Buffer.concat([this.head, chunk]).subarray(0, HEAD_BYTES);
        if (this.head.length === HEAD_BYTES) this.check();
      }
      this.hash.update(chunk);
      done(null, chunk);
    } catch (error) {
      done(error as Error);
    }
  }

  /** A file shorter than the head is checked at its end. */
  finish(): void {
    if (!this.checked) this.check();
  }

  sha256(): string {
    return this.hash.digest("hex");
  }

  private check(): void {
    this.checked = true;
    this.limits.checkStart?.(this.fileName, this.head);
  }
}
