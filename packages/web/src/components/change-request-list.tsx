import type { ReactNode } from "react";
import { api } from "../api/client.js";
import type { ChangeRequestView, Organisation } from "../api/types.js";
import type { ItemProps } from "../api/use-more.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { formatDateTime } from "../format/date.format.js";
import { CHANGE_STATUS, describeChange } from "../format/change-request.format.js";
import { ChangeRequestDecision } from "./change-request-decision.js";

/** Unit names for the reassignments among `requests` (loads only the units they name). */
function useOrgNames(requests: ChangeRequestView[]): Map<number, string> {
  const ids = [
    ...new Set(
      requests
        .filter((c) => c.kind === "reassign" && Array.isArray(c.payload.leadOrgIds))
        .flatMap((c) => c.payload.leadOrgIds as unknown[])
        .filter((id): id is number => typeof id === "number"),
    ),
  ]
    .sort((a, b) => a - b)
    .slice(0, 100)
    .join(",");
  const orgs = useResource(ids ? `orgs ${ids}` : null, (signal) =>
    api<{ items: Organisation[] }>("/api/organisations", {
      query: { id: ids, limit: 100 },
      signal,
    }),
  );
  return new Map((orgs.data?.items ?? []).map((o) => [o.id, o.name]));
}

/**
 * Change requests with what they ask for, the reason, the outcome and — for a leader and a
 * pending one — the approve / reject controls. `title` renders above each item (the task),
 * `actions` below it (the unit head's sign-off). With `onResubmit`, the proposing unit may send a
 * returned or rejected request again, once ("Gửi lại đề xuất" opens the form filled with it).
 */
export function ChangeRequestList({
  requests,
  onDecided,
  title,
  actions,
  onResubmit,
  itemProps,
}: {
  requests: ChangeRequestView[];
  onDecided: () => void;
  title?: (c: ChangeRequestView) => ReactNode;
  actions?: (c: ChangeRequestView) => ReactNode;
  onResubmit?: (c: ChangeRequestView) => void;
  /** what each item carries (the first one "Xem thêm" shows takes the keyboard) */
  itemProps?: (id: number) => ItemProps;
}) {
  const user = useUser();
  const names = useOrgNames(requests);
  const sentAgain = new Map(
    requests.filter((r) => r.resubmits !== null).map((r) => [r.resubmits!, r.id]),
  );
  const mayResubmit = (c: ChangeRequestView) =>
    onResubmit !== undefined &&
    (c.status === "returned" || c.status === "rejected") &&
    !sentAgain.has(c.id) &&
    (c.orgId !== null ? c.orgId === user.org?.id : c.proposedBy === user.id);
  return (
    <ul className="change-requests" data-testid="change-requests">
      {requests.map((c) => (
        <li key={c.id} className={`change-request ${c.status}`} {...itemProps?.(c.id)}>
          {title?.(c)}
          <p>
            <strong>{describeChange(c.kind, c.payload, names)}</strong>
          </p>
          <p>Lý do: {c.reason}</p>
          <p className="muted">
            Đề xuất lúc {formatDateTime(c.proposedAt)} ·{" "}
            <span className={`cr-status ${c.status}`}>{CHANGE_STATUS[c.status]}</span>
            {c.decidedAt ? ` lúc ${formatDateTime(c.decidedAt)}` : ""}
            {c.decisionComment
              ? ` — ${c.status === "returned" ? "lý do" : "ý kiến"}: ${c.decisionComment}`
              : ""}
            {c.signedOffAt && c.status !== "awaiting_signoff"
              ? ` · lãnh đạo đơn vị đã ký duyệt lúc ${formatDateTime(c.signedOffAt)}`
              : ""}
          </p>
          {c.resubmits !== null && <p className="muted">Gửi lại đề xuất số {c.resubmits}.</p>}
          {sentAgain.has(c.id) && (
            <p className="muted">Đã gửi lại thành đề xuất số {sentAgain.get(c.id)}.</p>
          )}
          {c.status === "proposed" && user.role === "leader" && (
            <ChangeRequestDecision id={c.id} onDecided={onDecided} />
          )}
          {mayResubmit(c) && (
            <button type="button" className="secondary" onClick={() => onResubmit!(c)}>
              Gửi lại đề xuất số {c.id}
            </button>
          )}
          {actions?.(c)}
        </li>
      ))}
    </ul>
  );
}
