import { useState } from "react";
import type { EvidenceView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { EvidenceList, evidenceUrl } from "./evidence-list.js";

const isImage = (e: EvidenceView) =>
  e.kind === "file" && /^image\/(png|jpe?g|gif|webp)$/.test(e.mime ?? "");
const isPdf = (e: EvidenceView) => e.kind === "file" && e.mime === "application/pdf";
const isText = (e: EvidenceView) => e.kind === "file" && /^text\/(plain|csv)/.test(e.mime ?? "");
const previewable = (e: EvidenceView) => isImage(e) || isPdf(e) || isText(e);

/** Served inline as a sandboxed document only this site may frame (the server's PREVIEW_CSP). */
const previewUrl = (e: EvidenceView) => `/api/evidence/${e.id}/preview`;

function TextPreview({ item }: { item: EvidenceView }) {
  const text = useResource(`evidence ${item.id}`, (signal) =>
    fetch(evidenceUrl(item), { credentials: "same-origin", signal }).then((r) =>
      r.ok ? r.text() : Promise.reject(new Error("Không mở được tệp.")),
    ),
  );
  return (
    <pre className="preview-text">
      {text.data ? text.data.slice(0, 20_000) : (text.error?.message ?? "Đang tải…")}
    </pre>
  );
}

function Preview({ item }: { item: EvidenceView }) {
  const label = `Minh chứng: ${item.fileName ?? ""}`;
  if (isImage(item)) return <img className="preview-img" src={previewUrl(item)} alt={label} />;
  if (isPdf(item)) return <iframe className="preview-pdf" src={previewUrl(item)} title={label} />;
  return <TextPreview key={item.id} item={item} />;
}

/**
 * Every item listed with a link to open it; PDF files, images and text shown inside the page
 * (the first at once, the others one click away) while the page keeps its strict CSP.
 */
export function EvidencePreview({ items }: { items: EvidenceView[] }) {
  const shown = items.filter(previewable);
  const [chosen, setChosen] = useState<number | null>(null);
  const current = shown.find((e) => e.id === chosen) ?? shown[0];
  return (
    <div>
      <EvidenceList items={items} />
      {shown.length > 1 && (
        <div className="actions" role="group" aria-label="Xem trước minh chứng">
          {shown.map((e) => (
            <button
              key={e.id}
              type="button"
              className="secondary"
              aria-pressed={e.id === current?.id}
              onClick={() => setChosen(e.id)}
            >
              Xem trước {e.fileName}
            </button>
          ))}
        </div>
      )}
      {current && <Preview key={current.id} item={current} />}
    </div>
  );
}
