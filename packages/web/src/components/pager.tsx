import { setQuery } from "../router/router.js";

/**
 * "Trang trước · Trang x/y · Trang sau" for a list paged on the server: the page is `?trang=` in
 * the URL, or the caller's state when it passes `onPage`.
 */
export function Pager({
  page,
  pages,
  onPage = (n) => setQuery({ trang: n > 1 ? String(n) : null }, false),
}: {
  page: number;
  pages: number;
  onPage?: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <nav className="actions pager" aria-label="Phân trang">
      <button
        type="button"
        className="secondary"
        disabled={page <= 1}
        onClick={() => onPage(page - 1)}
      >
        Trang trước
      </button>
      <span>
        Trang {page}/{pages}
      </span>
      <button
        type="button"
        className="secondary"
        disabled={page >= pages}
        onClick={() => onPage(page + 1)}
      >
        Trang sau
      </button>
    </nav>
  );
}
