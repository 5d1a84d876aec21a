/**
 * A delivery channel. The rules and the outbox know nothing of how a message travels: a new
 * channel (SMS, Zalo OA) implements `deliver` and is listed in `channelsFor`.
 * `deliver` resolves once the message is accepted (the SMTP server's 250, the row written) and
 * rejects with the reason otherwise; the outbox worker records either. A channel that writes
 * locally may also take a whole claimed batch (`deliverBatch`), recording it sent itself.
 */
import type { NotificationChannel, OutboxRow } from "@giamsat/db";

export interface Channel {
  readonly name: NotificationChannel;
  /** how many messages it may carry at once */
  readonly concurrency: number;
  deliver(row: OutboxRow): Promise<void>;
  /** delivers the rows and records them sent at once; on failure the worker goes row by row */
  deliverBatch?(rows: readonly OutboxRow[]): Promise<void>;
  close(): Promise<void>;
}
