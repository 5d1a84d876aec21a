import { useEffect, useState } from "react";
import { api } from "../api/client.js";

type Pages = { done: number; total: number } | null;

const POLL_MS = 1000;

/**
 * The import page's progress while a document is sent and read: the upload's share, then —
 * for a scan read by OCR — the pages recognised so far, asked of the server every second
 * (`GET /api/imports/progress/:key`); a document read at once shows "đang đọc" only.
 */
export function ImportProgress({
  uploaded,
  readingKey,
}: {
  uploaded: number;
  readingKey: string | null;
}) {
  const [pages, setPages] = useState<Pages>(null);
  const sent = uploaded >= 1;
  useEffect(() => {
    if (!sent || !readingKey) return;
    const controller = new AbortController();
    const ask = () =>
      api<Pages>(`/api/imports/progress/${readingKey}`, { signal: controller.signal })
        .then(setPages)
        .catch(() => undefined);
    const timer = setInterval(ask, POLL_MS);
    return () => {
      clearInterval(timer);
      controller.abort();
    };
  }, [sent, readingKey]);

  if (!sent)
    return (
      <div className="field" role="status">
        <label htmlFor="import-progress">Đang tải lên… {Math.round(uploaded * 100)}%</label>
        <progress id="import-progress" max={1} value={uploaded} />
      </div>
    );
  return (
    <div className="field" role="status">
      <label htmlFor="import-progress">
        {pages
          ? `Đang nhận dạng chữ bản quét: trang ${pages.done}/${pages.total}`
          : "Đang đọc văn bản…"}
      </label>
      {pages ? (
        <progress id="import-progress" max={pages.total} value={pages.done} />
      ) : (
        <progress id="import-progress" />
      )}
    </div>
  );
}
