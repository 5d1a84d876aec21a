/**
 * Each page of a long walk with what `read` adds to it (its tasks' latest reports), the next
 * page's read started before this page is handed on: the database answers while the caller
 * writes the current page's rows.
 */
export async function* withReadAhead<P, T>(
  pages: AsyncIterable<P>,
  read: (page: P) => Promise<T>,
): AsyncGenerator<[P, T]> {
  let pending: Promise<[P, T]> | null = null;
  for await (const page of pages) {
    const next = read(page).then((added): [P, T] => [page, added]);
    next.catch(() => undefined); // read ahead for a caller that stopped: not unhandled
    if (pending) yield await pending;
    pending = next;
  }
  if (pending) yield await pending;
}
