import { useEffect } from "react";

/**
 * Names the browser tab after what the page shows ("Nhiệm vụ 12 · 596/QĐ-BCT · Giám sát"), once
 * its data has loaded; until then the route's generic title stays. Runs after every render, so it
 * wins over the route title that the router writes while rendering (WCAG 2.4.2).
 */
export function useDocumentTitle(title: string | null): void {
  useEffect(() => {
    if (title) document.title = `${title} · Giám sát`;
  });
}
