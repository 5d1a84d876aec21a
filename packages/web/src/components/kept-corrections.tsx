import type { KeptCorrectionView } from "../api/types.js";
import { Link } from "../router/link.js";

/**
 * On the import preview of an amended plan: the fields corrected after import (or changed by an
 * approved change request) that the document gives otherwise — saving keeps the corrected
 * value. Each names the task, the field, the value kept and the document's.
 */
export function KeptCorrections({ kept }: { kept: KeptCorrectionView[] }) {
  if (kept.length === 0) return null;
  return (
    <section
      className="alert warning kept-corrections"
      aria-labelledby="kept-corrections-title"
      data-testid="kept-corrections"
    >
      <h2 id="kept-corrections-title">Giữ nguyên {kept.length} trường đã hiệu chỉnh</h2>
      <p>
        Các trường dưới đây đã được hiệu chỉnh sau khi nhập (hoặc điều chỉnh theo đề xuất được chấp
        thuận); văn bản này ghi khác, nhưng khi lưu, giá trị đã hiệu chỉnh được giữ. Nếu văn bản sửa
        đổi mới là đúng, hãy hiệu chỉnh lại trên trang nhiệm vụ.
      </p>
      <ul>
        {kept.map((k) => (
          <li key={`${k.taskId}-${k.field}`}>
            <Link to={`/nhiem-vu/${k.taskId}`}>{k.place}</Link> — <strong>{k.label}</strong>: giữ “
            {k.kept}”; văn bản ghi “{k.document}”
          </li>
        ))}
      </ul>
    </section>
  );
}
