import type { Generated } from "kysely";

/** A generated periodic report, kept with its file so that it can be downloaded again. */
export interface PeriodicReportsTable {
  id: Generated<number>;
  /** null when generated from the command line */
  generated_by: number | null;
  generated_at: Generated<string>;
  /** null: every plan */
  plan_id: number | null;
  unit_id: number | null;
  as_of: string;
  /** month | quarter | half | year */
  period: string;
  /** docx | pdf | xlsx */
  format: string;
  file_name: string;
  mime: string;
  size: number;
  /** empty: the file is in periodic_report_chunks (migration 0042) */
  content: Buffer;
  /** 0 while the file is being written */
  complete: Generated<number>;
}

/** A kept report's file, piece `seq` (from 0) of at most 1 MB. */
export interface PeriodicReportChunksTable {
  report_id: number;
  seq: number;
  bytes: Buffer;
}

/** The monitoring department's own sections of one report scope, as last saved. */
export interface PeriodicReportDraftsTable {
  id: Generated<number>;
  /** "plan|unit|period|asOf" (all, - when absent): one draft per report scope */
  scope_key: string;
  /** { assessment?, directions? } as JSON */
  data: string;
  updated_by: number | null;
  updated_at: string;
}
