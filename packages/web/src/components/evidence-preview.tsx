import type { EvidenceView } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { EvidenceList, evidenceUrl } from "./evidence-list.js";

const isImage = (e: EvidenceView) =>
  e.kind === "file" && /^image\/(png|jpe?g|gif|webp)$/.test(e.mime ?? "");
const isText = (e: EvidenceView) => e.kind === "file" && /^text\/(plain|csv)/.test(e.mime ?? "");

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

/** The first image or text file shown inline; every item listed with a link to open it. */
export function EvidencePreview({ items }: { items: EvidenceView[] }) {
  const first = items.find((e) => isImage(e) || isText(e));
  return (
    <div>
      <EvidenceList items={items} />
      {first && isImage(first) && (
        <img
          className="preview-img"
          src={evidenceUrl(first)}
          alt={`Minh chứng: ${first.fileName ?? ""}`}
        />
      )}
      {first && isText(first) && <TextPreview key={first.id} item={first} />}
    </div>
  );
}
