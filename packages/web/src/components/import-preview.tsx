import { groupWarnings, type ImportResult } from "@giamsat/core";
import { formatDate } from "../format/date.format.js";
import { formatDeadline } from "../format/deadline.format.js";

/**
 * Whether the file's line numbers mean something to its reader: a converted text's do; a Word
 * document's (a paragraph count) and a workbook's (a row of one sheet) do not — there the
 * message's own place ("Phụ lục II, nhiệm vụ 12") is what people look for.
 */
export const hasTextLines = (fileName: string) => !/\.(docx|xlsx)$/i.test(fileName);

/**
 * What the document will become: its identity, the warnings grouped by what they mean (each
 * group with what to do), the appendices with their tasks.
 */
export function ImportPreviewView({
  result,
  fileName,
}: {
  result: ImportResult;
  fileName: string;
}) {
  const lines = hasTextLines(fileName);
  const d = result.document;
  return (
    <>
      <section className="card" aria-labelledby="doc-title">
        <h2 id="doc-title">Văn bản</h2>
        <dl className="fields">
          <dt>Loại văn bản</dt>
          <dd>{d.kind ?? "—"}</dd>
          <dt>Số hiệu</dt>
          <dd>{d.number ?? <span className="defect">Không đọc được số hiệu</span>}</dd>
          <dt>Ngày ban hành</dt>
          <dd>{formatDate(d.date)}</dd>
          <dt>Cơ quan ban hành</dt>
          <dd>{d.issuer ?? "—"}</dd>
          <dt>Trích yếu</dt>
          <dd>{d.title ?? "—"}</dd>
          {d.draft && (
            <>
              <dt>Ghi chú</dt>
              <dd className="defect">Văn bản là dự thảo</dd>
            </>
          )}
        </dl>
      </section>
      <section className="card" aria-labelledby="warn-title">
        <h2 id="warn-title">Cảnh báo khi đọc văn bản ({result.warnings.length})</h2>
        {result.warnings.length === 0 && <p className="muted">Không có cảnh báo.</p>}
        {groupWarnings(result.warnings).map(({ group, warnings }) => (
          <details key={group.id} className="warning-group" data-testid={`warnings-${group.id}`}>
            <summary>
              <strong>{group.title}</strong> — {warnings.length} cảnh báo
            </summary>
            <p className="muted">{group.explanation}</p>
            <ul>
              {warnings.map((w, i) => (
                <li key={i}>
                  {lines && w.line !== null ? `Dòng ${w.line}: ` : ""}
                  {w.message}
                </li>
              ))}
            </ul>
          </details>
        ))}
      </section>
      {result.appendices.map((a, ai) => (
        <section key={ai} className="card" aria-label={a.title}>
          <h2>
            {a.title} —{" "}
            {a.kind === "tasks" ? `${a.tasks.length} nhiệm vụ` : `${a.indicators.length} chỉ tiêu`}
            {a.groups.length ? `, ${a.groups.length} nhóm` : ""}
          </h2>
          <details open={ai === 0}>
            <summary>Xem danh sách</summary>
            <div className="table-wrap cards">
              <table>
                <thead>
                  <tr>
                    <th className="num">STT</th>
                    <th>Tên</th>
                    <th>Chủ trì</th>
                    <th>Thời hạn</th>
                  </tr>
                </thead>
                <tbody>
                  {a.tasks.map((t, i) => (
                    <tr key={`t${i}`}>
                      <td className="num" data-label="STT">
                        {t.number ?? "—"}
                      </td>
                      <td className="task-name">{t.name}</td>
                      <td data-label="Chủ trì">
                        {t.lead.map((o, j) => (
                          <span
                            key={j}
                            className={o.resolved || o.kind === "group" ? undefined : "defect"}
                            title={o.raw}
                          >
                            {j > 0 ? "; " : ""}
                            {o.name}
                          </span>
                        ))}
                      </td>
                      <td className="nowrap" data-label="Thời hạn" title={t.deadline.raw}>
                        {formatDeadline(t.deadline)}
                      </td>
                    </tr>
                  ))}
                  {a.indicators.map((ind, i) => (
                    <tr key={`i${i}`}>
                      <td className="num" data-label="STT">
                        {ind.number ?? "—"}
                      </td>
                      <td className="task-name">
                        {ind.name}
                        {ind.target ? ` — ${ind.target.raw}` : ""}
                      </td>
                      <td data-label="Chủ trì">{ind.lead.map((o) => o.name).join("; ") || "—"}</td>
                      <td data-label="Kỳ">{ind.frequency ?? "—"}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </details>
        </section>
      ))}
    </>
  );
}
