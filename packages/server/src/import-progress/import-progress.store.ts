/**
 * How far the reading of an uploaded document has come (a scan's OCR, page by page), for the
 * import page's progress bar. Kept in this process's memory, keyed by a random key the page
 * sends with the upload and owned by the user who sent it; an entry lives a few minutes. With
 * several servers behind a proxy, a poll that reaches another server finds nothing and the page
 * shows the indeterminate "đang đọc" instead: the figure is a courtesy, never a record.
 */
const TTL_MS = 10 * 60 * 1000;
const MAX_ENTRIES = 1000;

export type ImportProgress = { done: number; total: number };

type Entry = ImportProgress & { userId: number; at: number };

const entries = new Map<string, Entry>();

function sweep(now: number): void {
  for (const [key, e] of entries) if (now - e.at > TTL_MS) entries.delete(key);
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
}

/** Records the progress of the reading behind `key`, for `userId`. */
export function recordProgress(key: string, userId: number, progress: ImportProgress): void {
  const now = Date.now();
  sweep(now);
  entries.set(key, { ...progress, userId, at: now });
}

/** The progress behind `key` if `userId` started it (another user's key reads as unknown). */
export function progressOf(key: string, userId: number): ImportProgress | null {
  const e = entries.get(key);
  return e && e.userId === userId ? { done: e.done, total: e.total } : null;
}
