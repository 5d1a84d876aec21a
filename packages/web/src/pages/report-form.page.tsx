import { addDays, periodOf, vietnamDay } from "@giamsat/core";
import type { ReportingCalendar } from "@giamsat/core";
import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { newFormToken } from "../api/form-token.js";
import type { TaskDetail } from "../api/types.js";
import { uploadForm } from "../api/upload.js";
import { useResource } from "../api/use-resource.js";
import { mayReport } from "../auth/scope.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { EvidencePicker } from "../components/evidence-picker.js";
import { formatDate } from "../format/date.format.js";
import { formatDeadline } from "../format/deadline.format.js";
import { REPORT_STATE_LABELS } from "../format/status.format.js";
import { Link } from "../router/link.js";
import { navigate } from "../router/router.js";
import { DateInput } from "../forms/date-input.js";

/** The reporting period open today and the one before it (a late or corrected report). */
function reportingPeriods(today: string, calendar: ReportingCalendar) {
  const current = periodOf(today, calendar);
  const previous = periodOf(addDays(current.start, -1), calendar);
  return [current, previous];
}

const lines = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean);

/** A unit's progress report on one task, with evidence files, document references and links. */
export function ReportFormPage({ taskId }: { taskId: string }) {
  const user = useUser();
  const task = useResource(`task ${taskId}`, (signal) =>
    api<TaskDetail>(`/api/tasks/${taskId}`, { signal }),
  );
  const [state, setState] = useState("in_progress");
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [clientToken] = useState(newFormToken);
  const [error, setError] = useState<Error | null>(null);

  if (task.error) return <ErrorBox error={task.error} />;
  const t = task.data;
  if (!t) return <Loading />;
  if (!mayReport(user, [...t.lead, ...t.coordinators]))
    return (
      <ErrorBox
        error={
          new Error(
            "Đơn vị của bạn không chủ trì hay phối hợp nhiệm vụ này nên không thể gửi báo cáo.",
          )
        }
      />
    );

  const states =
    t.kind === "recurring"
      ? ["in_progress", "nothing_to_report", "not_started"]
      : ["not_started", "in_progress", "completed"];

  const periods = reportingPeriods(vietnamDay(), t.reporting.calendar);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setError(null);
    const data = new FormData(event.currentTarget);
    const text = (key: string) => String(data.get(key) ?? "").trim() || undefined;
    const progressValue = text("progress");
    const report = {
      period: text("period"),
      state,
      completedOn: state === "completed" ? text("completedOn") : undefined,
      progress: progressValue === undefined ? undefined : Number(progressValue),
      summary: text("summary") ?? "",
      difficulties: text("difficulties"),
      proposals: text("proposals"),
      evidence: [
        ...lines(String(data.get("references") ?? "")).map((reference) => ({
          kind: "document" as const,
          reference,
        })),
        ...lines(String(data.get("links") ?? "")).map((url) => ({ kind: "link" as const, url })),
      ],
      clientToken,
    };
    const form = new FormData();
    form.set("data", JSON.stringify(report));
    for (const file of files) form.append("files", file, file.name);
    setProgress(0);
    try {
      await uploadForm(`/api/tasks/${t.id}/reports`, form, setProgress);
      navigate(`/nhiem-vu/${t.id}?da-gui=1`);
    } catch (e) {
      setError(e as Error);
      setProgress(null);
    }
  };
  const busy = progress !== null;

  return (
    <>
      <p className="breadcrumb">
        <Link to="/don-vi">Việc của đơn vị</Link> ›{" "}
        <Link to={`/nhiem-vu/${t.id}`}>Nhiệm vụ {t.number ?? ""}</Link>
      </p>
      <h1>Báo cáo tiến độ</h1>
      <p className="subtitle">
        {t.number ? `Nhiệm vụ ${t.number}: ` : ""}
        {t.name} · Thời hạn: {formatDeadline(t.deadline)}
      </p>
      <form className="card" onSubmit={submit} aria-label="Báo cáo tiến độ">
        <div className="filters">
          <div className="field">
            <label htmlFor="r-period">Kỳ báo cáo</label>
            <select id="r-period" name="period" defaultValue={periods[0]?.key} disabled={busy}>
              {periods.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label} (hạn gửi {formatDate(p.dueDate)})
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="r-progress">Tiến độ (%)</label>
            <input
              id="r-progress"
              name="progress"
              type="number"
              min={0}
              max={100}
              step={5}
              disabled={busy}
            />
          </div>
        </div>
        <fieldset disabled={busy}>
          <legend>Tình trạng thực hiện</legend>
          <div className="radio-row">
            {states.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="state"
                  value={s}
                  checked={state === s}
                  onChange={() => setState(s)}
                />
                {REPORT_STATE_LABELS[s]}
              </label>
            ))}
          </div>
        </fieldset>
        {state === "completed" && (
          <div className="field">
            <label htmlFor="r-completed">Ngày hoàn thành</label>
            <DateInput
              id="r-completed"
              name="completedOn"
              required
              max={vietnamDay()}
              disabled={busy}
            />
          </div>
        )}
        <div className="field">
          <label htmlFor="r-summary">Kết quả thực hiện</label>
          <textarea
            id="r-summary"
            name="summary"
            required={state !== "nothing_to_report"}
            disabled={busy}
          />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="r-difficulties">Khó khăn, vướng mắc</label>
            <textarea id="r-difficulties" name="difficulties" disabled={busy} />
          </div>
          <div className="field">
            <label htmlFor="r-proposals">Đề xuất, kiến nghị</label>
            <textarea id="r-proposals" name="proposals" disabled={busy} />
          </div>
        </div>
        <EvidencePicker files={files} onChange={setFiles} disabled={busy} />
        <div className="grid-2">
          <div className="field">
            <label htmlFor="r-refs">
              Văn bản minh chứng{" "}
              <span className="hint">
                (mỗi dòng một văn bản, ví dụ: Công văn số 123/BCT-KHCN ngày 10/3/2026)
              </span>
            </label>
            <textarea id="r-refs" name="references" disabled={busy} />
          </div>
          <div className="field">
            <label htmlFor="r-links">
              Đường dẫn minh chứng <span className="hint">(mỗi dòng một địa chỉ https://…)</span>
            </label>
            <textarea id="r-links" name="links" disabled={busy} />
          </div>
        </div>
        {busy && (
          <div className="field">
            <label htmlFor="r-upload">Đang gửi… {Math.round((progress ?? 0) * 100)}%</label>
            <progress id="r-upload" max={1} value={progress ?? 0} />
          </div>
        )}
        <ErrorBox error={error} />
        <div className="actions">
          <button type="submit" disabled={busy}>
            Gửi báo cáo
          </button>
          <Link className="button secondary" to={`/nhiem-vu/${t.id}`}>
            Huỷ
          </Link>
        </div>
      </form>
    </>
  );
}
