/**
 * What several `giamsat serve` processes on one database share instead of keeping it in their
 * memory: a generated secret, the login throttle, the per-user report limit's counts, the public
 * form's used challenges and per-IP hits, who runs each daily job, and the evidence files
 * requests are still saving reports with. Times are milliseconds since 1970 (the servers' clocks,
 * kept in step by NTP).
 */
import type { Generated } from "kysely";

/** A secret generated once for the installation (e.g. the ALTCHA HMAC key). */
export interface ServerSecretsTable {
  name: string;
  value: string;
}

/** Failed logins per account (`scope` account, key: the lower-cased username) or per address. */
export interface LoginFailuresTable {
  scope: "account" | "address";
  key: string;
  failures: number;
  /** the first failure of the address's window */
  since_ms: number;
  last_ms: number;
}

/** A solved proof-of-work challenge, refused if sent again before it expires. */
export interface UsedChallengesTable {
  signature: string;
  expires_ms: number;
}

/** One accepted request of a rate-limited kind (`bucket`) from one client (`key`). */
export interface RateHitsTable {
  bucket: string;
  key: string;
  at_ms: number;
}

/** A user's report submissions in the window that began at `since_ms` (the per-user limit). */
export interface ReportRatesTable {
  user_id: number;
  sent: number;
  since_ms: number;
}

/** A daily job's run: the server holding it until `until_ms`, and when it finished. */
export interface JobRunsTable {
  name: string;
  /** the Vietnam day it runs for, YYYY-MM-DD */
  day: string;
  holder: string;
  until_ms: number;
  finished_ms: number | null;
}

/** A request's hold on a stored evidence file until its report is saved or not (or `until_ms`). */
export interface EvidenceHoldsTable {
  id: Generated<number>;
  storage_path: string;
  until_ms: number;
}

export interface SharedStateTables {
  server_secrets: ServerSecretsTable;
  login_failures: LoginFailuresTable;
  used_challenges: UsedChallengesTable;
  rate_hits: RateHitsTable;
  job_runs: JobRunsTable;
  evidence_holds: EvidenceHoldsTable;
  report_rates: ReportRatesTable;
}
