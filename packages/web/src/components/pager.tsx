import { setQuery } from "../router/router.js";

/** "Trang trước · Trang x/y · Trang sau" for a list paged on the server (`?trang=` in the URL). */
export function Pager({ page, pages }: { page: number; pages: number }) {
  if (pages <= 1) return null;
  return (
    <nav className="actions pager" aria-label="Phân trang">
      <button
        type="button"
        className="secondary"
        disabled={page <= 1}
        onClick={() => setQuery({ trang: page - 1 > 1 ? String(page - 1) : null }, false)}
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
        onClick={() => setQuery({ trang: String(page + 1) }, false)}
      >
        Trang sau
      </button>
    </nav>
  );
}
