import type { EvidenceView } from "../api/types.js";
import { formatBytes } from "../format/date.format.js";
import { DocumentIcon, LinkIcon, PaperclipIcon } from "./icons.js";
import { NewWindowLink } from "./new-window-link.js";

export const evidenceUrl = (e: EvidenceView) => e.downloadUrl ?? `/api/evidence/${e.id}`;

/** A report's evidence: files (download), document references (text) and links. */
export function EvidenceList({ items }: { items: EvidenceView[] }) {
  if (!items.length) return <p className="muted">Không có minh chứng.</p>;
  return (
    <ul className="evidence-list">
      {items.map((e) => (
        <li key={e.id}>
          {e.kind === "file" && (
            <NewWindowLink href={evidenceUrl(e)}>
              <PaperclipIcon /> {e.fileName ?? "Tệp đính kèm"}
              {e.size ? ` (${formatBytes(e.size)})` : ""}
            </NewWindowLink>
          )}
          {e.kind === "document" && (
            <span>
              <DocumentIcon /> {e.reference}
            </span>
          )}
          {e.kind === "link" && e.url && /^https?:\/\//i.test(e.url) && (
            <NewWindowLink href={e.url} noReferrer>
              <LinkIcon /> {e.url}
            </NewWindowLink>
          )}
        </li>
      ))}
    </ul>
  );
}
