import { useEffect, useRef, useState } from "react";
import { useLocation } from "./router.js";

/** How long a new page may take to show its heading (its data loading) before giving up. */
const WAIT_MS = 8000;
const STEP_MS = 100;

/**
 * After each change of page (not the first load, not a change of filters in the query): once the
 * new page's `<h1>` is shown (a page that loads its data first shows it with the data), the
 * keyboard moves to it and a polite live
 * region, in the page from the start, says the page's title ("Nhiệm vụ 12 · 596/QĐ-BCT").
 * If the user moves the focus meanwhile (or the page focused a field itself), it stays there.
 */
export function RouteAnnouncer() {
  const { path } = useLocation();
  const [said, setSaid] = useState("");
  const first = useRef(true);

  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    setSaid("");
    const before = document.activeElement;
    const started = Date.now();
    const timer = setInterval(() => {
      const active = document.activeElement;
      if (
        (active && active !== before && active !== document.body) ||
        Date.now() - started > WAIT_MS
      ) {
        clearInterval(timer);
        return;
      }
      const heading = document.querySelector<HTMLElement>("main h1");
      if (!heading) return;
      clearInterval(timer);
      if (!heading.hasAttribute("tabindex")) heading.tabIndex = -1;
      heading.focus({ preventScroll: true });
      setSaid(document.title.replace(/ · Giám sát$/, ""));
    }, STEP_MS);
    return () => clearInterval(timer);
  }, [path]);

  return (
    <p className="sr-only" aria-live="polite" aria-atomic="true" data-testid="route-announcer">
      {said}
    </p>
  );
}
