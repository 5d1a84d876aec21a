import { useEffect, useRef, useState } from "react";
import { api } from "./client.js";

/**
 * A list whose first page came with the page (a task's reports, its history) and whose next
 * pages are asked for on "Xem thêm": `items` grows, `left` says how many are still to come.
 * The first item a "Xem thêm" brings takes the keyboard (the button may be gone with the last
 * page): the list gives each item `itemProps(id)`. `query`: the list's own filter.
 */
export function useMore<T extends { id: number }>(
  first: T[],
  total: number,
  url: string,
  query: Record<string, string> = {},
) {
  const [more, setMore] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const [firstNew, setFirstNew] = useState<number | null>(null);
  const firstNewItem = useRef<HTMLElement | null>(null);
  useEffect(() => {
    if (firstNew !== null) firstNewItem.current?.focus();
  }, [firstNew]);
  // after the page reloads its first page, what was loaded beyond it is kept once
  const shown = new Set(first.map((i) => i.id));
  const items = [...first, ...more.filter((i) => !shown.has(i.id))];
  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await api<{ items: T[] }>(url, {
        query: { ...query, offset: items.length, limit: 100 },
      });
      setMore((m) => [...m, ...page.items]);
      setFirstNew(page.items[0]?.id ?? null);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };
  /** What item `id` of the list carries: the first newly shown one can take the keyboard. */
  const itemProps = (id: number) =>
    id === firstNew
      ? {
          ref: (el: HTMLElement | null) => {
            firstNewItem.current = el;
          },
          tabIndex: -1,
        }
      : {};
  /** Forgets the pages loaded beyond the first (the list changed: its first page is reloaded). */
  const reset = () => setMore([]);
  return { items, left: Math.max(0, total - items.length), load, loading, error, itemProps, reset };
}

export type ItemProps = ReturnType<ReturnType<typeof useMore>["itemProps"]>;
