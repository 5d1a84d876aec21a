import type { EvidenceView } from "../api/types.js";
import { formatBytes } from "../format/date.format.js";
import { DocumentIcon, LinkIcon, PaperclipIcon } from "./icons.js";

export const evidenceUrl = (e: EvidenceView) => e.downloadUrl ?? `/api/evidence/${e.id}`;

/** A report's evidence: files (download), document references (text) and links. */
export function EvidenceList({ items }: { items: EvidenceView[] }) {
  if (!items.length) return <p className="muted">Không có minh chứng.</p>;
  return (
    <ul className="evidence-list">
      {items.map((e) => (
        <li key={e.id}>
          {e.kind === "file" && (
            <a href={evidenceUrl(e)} target="_blank" rel="noopener">
              <PaperclipIcon /> {e.fileName ?? "Tệp đính kèm"}
              {e.size ? ` (${formatBytes(e.size)})` : ""}
            </a>
          )}
          {e.kind === "document" && (
            <span>
              <DocumentIcon /> {e.reference}
            </span>
          )}
          {e.kind === "link" && e.url && /^https?:\/\//i.test(e.url) && (
            <a href={e.url} target="_blank" rel="noopener noreferrer">
              <LinkIcon /> {e.url}
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
