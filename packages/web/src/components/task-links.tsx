import { useState } from "react";
import { api } from "../api/client.js";
import type { LinkView } from "../api/types.js";
import { canMonitor, useUser } from "../auth/session.js";
import { Link } from "../router/link.js";
import { ErrorBox } from "./feedback.js";

const STATE_LABELS: Record<LinkView["state"], string> = {
  proposed: "đề xuất, chờ xác nhận",
  confirmed: "đã xác nhận",
  rejected: "đã bác",
};

/**
 * Tasks of other plans this one implements or restates; the monitoring department confirms or
 * rejects a proposed link here.
 */
export function TaskLinks({
  links,
  asOf,
  onChanged,
}: {
  links: LinkView[];
  asOf: string;
  onChanged: () => void;
}) {
  const user = useUser();
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState<number | null>(null);
  const decide = async (id: number, decision: "confirm" | "reject") => {
    setBusy(id);
    setError(null);
    try {
      await api(`/api/links/${id}/decision`, { body: { decision } });
      onChanged();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="card" aria-labelledby="links-title">
      <h2 id="links-title">Nhiệm vụ liên quan ở kế hoạch khác</h2>
      <ErrorBox error={error} />
      {links.length === 0 ? (
        <p className="muted">Chưa liên kết với nhiệm vụ nào.</p>
      ) : (
        <ul className="task-links" data-testid="task-links">
          {links.map((l) => (
            <li key={l.id}>
              {l.kind === "implements" ? "Triển khai" : "Nhắc lại"}{" "}
              <Link to={`/nhiem-vu/${l.other.id}?asOf=${asOf}`}>
                {l.other.planNumber ? `${l.other.planNumber} – ` : ""}nhiệm vụ{" "}
                {l.other.number ?? ""}: {l.other.name}
              </Link>{" "}
              <span className="muted">({STATE_LABELS[l.state]})</span>
              {l.state === "proposed" && canMonitor(user.role) && (
                <span className="actions inline">
                  <button
                    type="button"
                    disabled={busy === l.id}
                    onClick={() => void decide(l.id, "confirm")}
                  >
                    Xác nhận liên kết
                  </button>
                  <button
                    type="button"
                    className="secondary"
                    disabled={busy === l.id}
                    onClick={() => void decide(l.id, "reject")}
                  >
                    Bác liên kết
                  </button>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
