/**
 * A kept report's file written to the database as it is produced: bytes gather into pieces of
 * PIECE_BYTES, each stored before more is accepted (the producer waits), so a file of any size
 * costs one piece of memory.
 */
import { Readable, Writable } from "node:stream";
import { appendKeptReportPiece, keptReportPieces, type Database } from "@giamsat/db";
import type { Kysely } from "kysely";

const PIECE_BYTES = 1024 * 1024;

export class KeptFileWriter extends Writable {
  /** bytes written so far */
  size = 0;
  private seq = 0;
  private pending: Buffer[] = [];
  private pendingBytes = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly reportId: number,
  ) {
    super();
  }

  private async store(all: boolean): Promise<void> {
    while (this.pendingBytes >= PIECE_BYTES || (all && this.pendingBytes > 0)) {
      const joined = Buffer.concat(this.pending);
      const piece = joined.subarray(0, PIECE_BYTES);
      const rest = joined.subarray(piece.length);
      this.pending = rest.length ? [rest] : [];
      this.pendingBytes = rest.length;
      await appendKeptReportPiece(this.db, this.reportId, this.seq++, Buffer.from(piece));
    }
  }

  override _write(chunk: Buffer, _encoding: string, done: (error?: Error | null) => void): void {
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    this.size += chunk.length;
    this.store(false).then(() => done(), done);
  }

  override _final(done: (error?: Error | null) => void): void {
    this.store(true).then(() => done(), done);
  }
}

/** The kept file read back piece by piece. */
export function keptFileStream(db: Kysely<Database>, reportId: number): Readable {
  return Readable.from(keptReportPieces(db, reportId));
}
