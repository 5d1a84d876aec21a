import { useEffect, useState } from "react";
import { setQuery, useLocation } from "./router.js";

/**
 * A search box bound to the URL's `?q=`: what is typed goes into the URL (and back to the first
 * page) 300 ms after the last key, so the server is asked once per pause, not once per key.
 */
export function useSearchParam(): [string, (text: string) => void] {
  const q = useLocation().query.get("q") ?? "";
  const [search, setSearch] = useState(q);
  useEffect(() => {
    if (search.trim() === q) return;
    const timer = setTimeout(() => setQuery({ q: search.trim(), trang: null }), 300);
    return () => clearTimeout(timer);
  }, [search, q]);
  return [search, setSearch];
}
