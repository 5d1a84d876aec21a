import { useEffect, useSyncExternalStore } from "react";
import { useLocation } from "../router/router.js";

/**
 * One polite live region for the whole app, in the page from the start: results of actions
 * ("Đã gửi báo cáo", the dashboard's new figures) are written into it, so screen readers say
 * them (a message inserted already filled is often skipped).
 */
let said = "";
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());
let pending: ReturnType<typeof setTimeout> | undefined;

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** Says `text` through the live region (emptied first, so the same words are said again). */
export function announce(text: string): void {
  forget();
  pending = setTimeout(() => {
    said = text;
    notify();
  }, 150);
}

/** Empties the region (a message belongs to the page it was said on). */
function forget(): void {
  clearTimeout(pending);
  said = "";
  notify();
}

export function Announcer() {
  const text = useSyncExternalStore(subscribe, () => said);
  const { path } = useLocation();
  useEffect(forget, [path]);
  return (
    <p className="sr-only" role="status" aria-atomic="true" data-testid="announcer">
      {text}
    </p>
  );
}
