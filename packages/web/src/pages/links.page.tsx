import { useState } from "react";
import { api } from "../api/client.js";
import type { LinkedTaskSide, LinkProposal, Page } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { Empty, ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { Pager } from "../components/pager.js";
import { planLabel } from "../format/plan.format.js";
import { Link } from "../router/link.js";
import { setQuery, useLocation } from "../router/router.js";

const PAGE_SIZE = 50;

const STATES: { state: LinkProposal["state"]; label: string }[] = [
  { state: "proposed", label: "Chờ xác nhận" },
  { state: "confirmed", label: "Đã xác nhận" },
  { state: "rejected", label: "Đã bác" },
];
const isState = (v: string | null): v is LinkProposal["state"] => STATES.some((s) => s.state === v);

function TaskSide({ task }: { task: LinkedTaskSide }) {
  return (
    <Link to={`/nhiem-vu/${task.id}`}>
      {planLabel({ number: task.planNumber, title: task.planTitle })} – nhiệm vụ {task.number ?? ""}
      : {task.name}
    </Link>
  );
}

/**
 * The task links the importer proposed between plans (a task that implements or restates
 * another), best score first, with its reasons; the monitoring department confirms or rejects
 * each. Decided links stay listable under their state.
 */
export function LinksPage() {
  const { query } = useLocation();
  const state = isState(query.get("state"))
    ? (query.get("state") as LinkProposal["state"])
    : "proposed";
  const page = Math.max(1, Number(query.get("trang")) || 1);
  const filter = { state, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE };
  const links = useResource(`links ${JSON.stringify(filter)}`, (signal) =>
    api<Page<LinkProposal>>("/api/links", { query: filter, signal }),
  );
  const [busy, setBusy] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const decide = async (link: LinkProposal, decision: "confirm" | "reject") => {
    setBusy(link.id);
    setError(null);
    setDone(null);
    try {
      await api(`/api/links/${link.id}/decision`, { body: { decision } });
      setDone(
        `${decision === "confirm" ? "Đã xác nhận" : "Đã bác"} liên kết: nhiệm vụ ${link.from.number ?? ""} – nhiệm vụ ${link.to.number ?? ""}.`,
      );
      links.reload();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  const total = links.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  return (
    <>
      <h1>Liên kết nhiệm vụ giữa các kế hoạch</h1>
      <p className="subtitle">
        Khi nhập một kế hoạch, hệ thống đề xuất các nhiệm vụ triển khai hoặc nhắc lại nhiệm vụ của
        kế hoạch khác. Xác nhận để theo dõi chung, bác nếu không đúng.
      </p>
      <nav className="segmented" aria-label="Trạng thái liên kết">
        {STATES.map((s) => (
          <button
            key={s.state}
            type="button"
            className="secondary"
            aria-pressed={s.state === state}
            onClick={() =>
              setQuery({ state: s.state === "proposed" ? null : s.state, trang: null })
            }
          >
            {s.label}
          </button>
        ))}
      </nav>
      <ErrorBox error={error ?? links.error} />
      <StatusRegion>{done && <p className="alert success">{done}</p>}</StatusRegion>
      {links.loading && !links.data && <Loading />}
      {links.data && total === 0 && (
        <Empty>
          {state === "proposed"
            ? "Không còn đề xuất liên kết nào chờ xác nhận."
            : "Không có liên kết nào."}
        </Empty>
      )}
      {links.data && total > 0 && (
        <>
          <p className="muted" role="status">
            {total} liên kết{pages > 1 ? ` · trang ${page}/${pages}` : ""}
          </p>
          <div className="table-wrap cards">
            <table>
              <thead>
                <tr>
                  <th>Nhiệm vụ</th>
                  <th>Quan hệ</th>
                  <th>Nhiệm vụ của kế hoạch khác</th>
                  <th>Căn cứ đề xuất</th>
                  {state === "proposed" && <th>Thao tác</th>}
                </tr>
              </thead>
              <tbody>
                {links.data.items.map((l) => (
                  <tr key={l.id} data-testid="link-row">
                    <td data-label="Nhiệm vụ">
                      <TaskSide task={l.from} />
                    </td>
                    <td data-label="Quan hệ">
                      {l.kind === "implements" ? "triển khai" : "nhắc lại"}
                      <small className="muted"> (điểm {Math.round(l.score * 100)}/100)</small>
                    </td>
                    <td data-label="Kế hoạch khác">
                      <TaskSide task={l.to} />
                    </td>
                    <td data-label="Căn cứ">
                      <ul className="link-reasons">
                        {l.reasons.map((r) => (
                          <li key={r}>{r}</li>
                        ))}
                      </ul>
                    </td>
                    {state === "proposed" && (
                      <td data-label="Thao tác">
                        <span className="actions">
                          <button
                            type="button"
                            disabled={busy === l.id}
                            aria-label={`Xác nhận liên kết ${l.id}`}
                            onClick={() => void decide(l, "confirm")}
                          >
                            Xác nhận
                          </button>
                          <button
                            type="button"
                            className="secondary"
                            disabled={busy === l.id}
                            aria-label={`Bác liên kết ${l.id}`}
                            onClick={() => void decide(l, "reject")}
                          >
                            Bác
                          </button>
                        </span>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <Pager page={page} pages={pages} />
        </>
      )}
    </>
  );
}
