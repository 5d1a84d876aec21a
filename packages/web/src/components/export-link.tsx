import { apiUrl, type Query } from "../api/client.js";

/**
 * "Xuất Excel": downloads what the page shows — the same filters and order, every page of the
 * list — as an .xlsx the server writes for the reader's scope. Paging values are left out.
 */
export function ExportLink({ path, query }: { path: string; query: Query }) {
  const { limit: _limit, offset: _offset, ...filters } = query;
  return (
    <a className="button secondary" href={apiUrl(path, filters)} download>
      Xuất Excel
    </a>
  );
}
