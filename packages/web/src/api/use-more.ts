import { useState } from "react";
import { api } from "./client.js";

/**
 * A list whose first page came with the page (a task's reports, its history) and whose next
 * pages are asked for on "Xem thêm": `items` grows, `left` says how many are still to come.
 */
export function useMore<T extends { id: number }>(first: T[], total: number, url: string) {
  const [more, setMore] = useState<T[]>([]);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  // after the page reloads its first page, what was loaded beyond it is kept once
  const shown = new Set(first.map((i) => i.id));
  const items = [...first, ...more.filter((i) => !shown.has(i.id))];
  const load = async () => {
    setLoading(true);
    setError(null);
    try {
      const page = await api<{ items: T[] }>(url, {
        query: { offset: items.length, limit: 100 },
      });
      setMore((m) => [...m, ...page.items]);
    } catch (e) {
      setError(e as Error);
    } finally {
      setLoading(false);
    }
  };
  return { items, left: Math.max(0, total - items.length), load, loading, error };
}
