import { addDays, formatPeriodKey, periodOf, vietnamDay } from "@giamsat/core";
import type { ReportingCalendar } from "@giamsat/core";
import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { newFormToken } from "../api/form-token.js";
import type { ReportView, TaskDetail } from "../api/types.js";
import { uploadForm } from "../api/upload.js";
import { useResource } from "../api/use-resource.js";
import { mayReport } from "../auth/scope.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { EvidencePicker } from "../components/evidence-picker.js";
import { formatDate, formatDateTime } from "../format/date.format.js";
import { formatDeadline } from "../format/deadline.format.js";
import { REPORT_STATE_LABELS } from "../format/status.format.js";
import { DateInput } from "../forms/date-input.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import {
  emptyFields,
  fieldsFrom,
  initialFields,
  liveReport,
  previousPeriodReport,
  type ReportFields,
} from "../reports/report-fields.js";
import { reportFieldOf } from "../reports/report-errors.js";
import { useReportDraft } from "../reports/use-report-draft.js";
import { Link } from "../router/link.js";
import { navigate, useLocation } from "../router/router.js";

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

/**
 * A unit's progress report on one task: the task loads, then the form with its first values.
 * `?ky=2026-06` (the reminder mail's link) opens it on that period.
 */
export function ReportFormPage({ taskId }: { taskId: string }) {
  const user = useUser();
  const linked = useLocation().query.get("ky");
  const task = useResource(`task ${taskId}`, (signal) =>
    api<TaskDetail>(`/api/tasks/${taskId}`, { signal }),
  );
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
  return <ReportForm task={t} userId={user.id} linked={linked} />;
}

/**
 * The form: opens with the user's draft, or — for a period that already has a report (returned,
 * pending, accepted) — with that report's text, files and review, sent as its correction. Saved
 * on the server as the user types; recurring tasks can copy the last period's report, or say
 * "Không phát sinh" for a period without a report in one click. A linked period (the reminder's)
 * is chosen first when it is still open; a draft of another period then waits.
 */
function ReportForm({
  task: t,
  userId,
  linked,
}: {
  task: TaskDetail;
  userId: number;
  linked: string | null;
}) {
  const periods = reportingPeriods(vietnamDay(), t.reporting.calendar);
  const open = periods.find((p) => p.key === linked);
  const states =
    t.kind === "recurring"
      ? ["in_progress", "nothing_to_report", "not_started"]
      : ["not_started", "in_progress", "completed"];
  const [fields, setFields] = useState<ReportFields | null>(null);
  const draft = useReportDraft(userId, t.id, fields);
  const [files, setFiles] = useState<File[]>([]);
  const [progress, setProgress] = useState<number | null>(null);
  const [clientToken] = useState(newFormToken);
  const errors = useFormErrors(reportFieldOf(emptyFields("", "")));

  if (!draft.loaded) return <Loading />;
  const saved = draft.loaded.fields;
  const f =
    fields ??
    initialFields(
      t.reports,
      open?.key ?? periods[0]?.key ?? "",
      states[1] ?? "",
      open && saved?.period !== open.key ? null : saved,
    );
  const set = (patch: Partial<ReportFields>) => setFields({ ...f, ...patch });
  const target = f.supersedes ? t.reports.find((r) => r.id === f.supersedes) : undefined;
  const returnReason = target?.reviews.filter((v) => v.decision === "return").at(-1)?.comment;
  const earlier = t.kind === "recurring" ? previousPeriodReport(t.reports, f.period) : undefined;

  const choosePeriod = (period: string) => {
    const live = liveReport(t.reports, period);
    set({
      period,
      supersedes: live?.id,
      keepEvidence: live ? fieldsFrom(live).keepEvidence : [],
    });
  };

  const send = async (r: ReportFields, withFiles: readonly File[]) => {
    errors.clear();
    const text = (v: string) => v.trim() || undefined;
    const report = {
      period: r.supersedes ? undefined : r.period,
      state: r.state,
      completedOn: r.state === "completed" ? text(r.completedOn) : undefined,
      progress: text(r.progress) === undefined ? undefined : Number(r.progress),
      summary: r.summary.trim(),
      difficulties: text(r.difficulties),
      proposals: text(r.proposals),
      evidence: [
        ...lines(r.references).map((reference) => ({ kind: "document" as const, reference })),
        ...lines(r.links).map((url) => ({ kind: "link" as const, url })),
      ],
      supersedes: r.supersedes,
      keepEvidence: r.supersedes ? r.keepEvidence : [],
      clientToken,
    };
    const form = new FormData();
    form.set("data", JSON.stringify(report));
    for (const file of withFiles) form.append("files", file, file.name);
    setProgress(0);
    try {
      const sent = await uploadForm<ReportView>(`/api/tasks/${t.id}/reports`, form, setProgress);
      draft.forget();
      // a staff report of a unit with sign-off waits for the unit head first
      navigate(`/nhiem-vu/${t.id}?da-gui=${sent.status === "awaiting_signoff" ? "ky-duyet" : "1"}`);
    } catch (e) {
      setProgress(null);
      errors.show(e as Error, reportFieldOf(r));
    }
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void send(f, files);
  };
  // recurring, and nothing sent yet for the chosen period: one click says "Không phát sinh"
  const nothingNew =
    t.kind === "recurring" && !liveReport(t.reports, f.period)
      ? periods.find((p) => p.key === f.period)
      : undefined;
  const busy = progress !== null;
  const keptFiles = target?.evidence.filter((e) => e.kind === "file") ?? [];

  return (
    <>
      <p className="breadcrumb">
        <Link to="/don-vi">Việc của đơn vị</Link> ›{" "}
        <Link to={`/nhiem-vu/${t.id}`}>Nhiệm vụ {t.number ?? ""}</Link>
      </p>
      <h1>{target ? "Gửi lại báo cáo" : "Báo cáo tiến độ"}</h1>
      <p className="subtitle">
        {t.number ? `Nhiệm vụ ${t.number}: ` : ""}
        {t.name} · Thời hạn: {formatDeadline(t.deadline)}
      </p>
      {target && (
        <div
          className={target.status === "returned" ? "alert error" : "alert info"}
          data-testid="report-target"
        >
          <p>
            {target.status === "returned"
              ? `Báo cáo số ${target.id} (${formatPeriodKey(target.period)}) đã bị trả lại.`
              : target.status === "submitted" || target.status === "awaiting_signoff"
                ? `${formatPeriodKey(target.period)} đã có báo cáo số ${target.id} đang ${target.status === "submitted" ? "chờ duyệt" : "chờ lãnh đạo đơn vị ký duyệt"}; báo cáo này sẽ thay thế nó.`
                : `${formatPeriodKey(target.period)} đã có báo cáo số ${target.id} được chấp nhận; báo cáo này là báo cáo sửa đổi.`}
          </p>
          {returnReason && <p>Lý do trả lại: {returnReason}</p>}
        </div>
      )}
      {draft.loaded.updatedAt && !fields && (
        <p className="alert info" role="status">
          Đã mở lại bản nháp lưu lúc {formatDateTime(draft.loaded.updatedAt)}.
        </p>
      )}
      {linked && !open && (
        <p className="alert info" role="status">
          {/^\d{4}-(\d{2}|Q[1-4])$/.test(linked)
            ? `${formatPeriodKey(linked)} không còn mở để báo cáo trên mẫu này; chọn kỳ dưới đây.`
            : "Kỳ báo cáo trong đường dẫn không hợp lệ; chọn kỳ dưới đây."}
        </p>
      )}
      {nothingNew && (
        <div className="card nothing-new" data-testid="nothing-new">
          <p>Trong {nothingNew.label} nhiệm vụ không có gì mới?</p>
          <button
            type="button"
            disabled={busy}
            onClick={() => void send(emptyFields(f.period, "nothing_to_report"), [])}
          >
            Gửi “Không phát sinh” cho {nothingNew.label}
          </button>
        </div>
      )}
      <form className="card" onSubmit={submit} aria-label="Báo cáo tiến độ" {...errors.formProps}>
        <ErrorSummary errors={errors} />
        <div className="filters">
          <div className="field">
            <label htmlFor="r-period">Kỳ báo cáo</label>
            <select
              id="r-period"
              value={f.period}
              onChange={(e) => choosePeriod(e.target.value)}
              disabled={busy}
              {...errors.field("r-period")}
            >
              {periods.map((p) => (
                <option key={p.key} value={p.key}>
                  {p.label} (hạn gửi {formatDate(p.dueDate)})
                </option>
              ))}
            </select>
            <FieldError errors={errors} id="r-period" />
          </div>
          <div className="field">
            <label htmlFor="r-progress">Tiến độ (%)</label>
            <input
              id="r-progress"
              type="number"
              min={0}
              max={100}
              step={5}
              value={f.progress}
              onChange={(e) => set({ progress: e.target.value })}
              disabled={busy}
              {...errors.field("r-progress")}
            />
            <FieldError errors={errors} id="r-progress" />
          </div>
        </div>
        {earlier && (
          <p>
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => set({ ...fieldsFrom(earlier), keepEvidence: f.keepEvidence })}
            >
              Chép báo cáo {formatPeriodKey(earlier.period)}
            </button>
          </p>
        )}
        <fieldset disabled={busy}>
          <legend>Tình trạng thực hiện</legend>
          <div className="radio-row">
            {states.map((s) => (
              <label key={s}>
                <input
                  type="radio"
                  name="state"
                  // the summary's link goes to the chosen state
                  id={
                    s === (states.includes(f.state) ? f.state : states[0]) ? "r-state" : undefined
                  }
                  value={s}
                  checked={f.state === s}
                  onChange={() => set({ state: s })}
                  {...errors.field("r-state")}
                />
                {REPORT_STATE_LABELS[s]}
              </label>
            ))}
          </div>
          <FieldError errors={errors} id="r-state" />
        </fieldset>
        {f.state === "completed" && (
          <div className="field">
            <label htmlFor="r-completed">Ngày hoàn thành</label>
            <DateInput
              id="r-completed"
              required
              max={vietnamDay()}
              value={f.completedOn}
              onChange={(completedOn) => set({ completedOn })}
              disabled={busy}
              {...errors.field("r-completed")}
            />
            <FieldError errors={errors} id="r-completed" />
          </div>
        )}
        <div className="field">
          <label htmlFor="r-summary">Kết quả thực hiện</label>
          <textarea
            id="r-summary"
            value={f.summary}
            onChange={(e) => set({ summary: e.target.value })}
            required={f.state !== "nothing_to_report"}
            disabled={busy}
            {...errors.field("r-summary")}
          />
          <FieldError errors={errors} id="r-summary" />
        </div>
        <div className="grid-2">
          <div className="field">
            <label htmlFor="r-difficulties">Khó khăn, vướng mắc</label>
            <textarea
              id="r-difficulties"
              value={f.difficulties}
              onChange={(e) => set({ difficulties: e.target.value })}
              disabled={busy}
              {...errors.field("r-difficulties")}
            />
            <FieldError errors={errors} id="r-difficulties" />
          </div>
          <div className="field">
            <label htmlFor="r-proposals">Đề xuất, kiến nghị</label>
            <textarea
              id="r-proposals"
              value={f.proposals}
              onChange={(e) => set({ proposals: e.target.value })}
              disabled={busy}
              {...errors.field("r-proposals")}
            />
            <FieldError errors={errors} id="r-proposals" />
          </div>
        </div>
        {keptFiles.length > 0 && (
          <fieldset disabled={busy} data-testid="kept-files">
            <legend>Tệp đã gửi ở báo cáo số {target?.id} (bỏ chọn để không gửi lại)</legend>
            {keptFiles.map((e) => (
              <label key={e.id} className="check">
                <input
                  type="checkbox"
                  checked={f.keepEvidence.includes(e.id)}
                  onChange={(ev) =>
                    set({
                      keepEvidence: ev.target.checked
                        ? [...f.keepEvidence, e.id]
                        : f.keepEvidence.filter((id) => id !== e.id),
                    })
                  }
                />
                {e.fileName}
              </label>
            ))}
          </fieldset>
        )}
        <EvidencePicker files={files} onChange={setFiles} disabled={busy} />
        <div className="grid-2">
          <div className="field">
            <label htmlFor="r-refs">
              Văn bản minh chứng{" "}
              <span className="hint">
                (mỗi dòng một văn bản, ví dụ: Công văn số 123/BCT-KHCN ngày 10/3/2026)
              </span>
            </label>
            <textarea
              id="r-refs"
              value={f.references}
              onChange={(e) => set({ references: e.target.value })}
              disabled={busy}
              {...errors.field("r-refs")}
            />
            <FieldError errors={errors} id="r-refs" />
          </div>
          <div className="field">
            <label htmlFor="r-links">
              Đường dẫn minh chứng <span className="hint">(mỗi dòng một địa chỉ https://…)</span>
            </label>
            <textarea
              id="r-links"
              value={f.links}
              onChange={(e) => set({ links: e.target.value })}
              disabled={busy}
              {...errors.field("r-links")}
            />
            <FieldError errors={errors} id="r-links" />
          </div>
        </div>
        {busy && (
          <div className="field">
            <label htmlFor="r-upload">Đang gửi… {Math.round((progress ?? 0) * 100)}%</label>
            <progress id="r-upload" max={1} value={progress ?? 0} />
          </div>
        )}
        <p className="muted" role="status" data-testid="draft-status">
          {draft.failed
            ? "Chưa lưu được bản nháp lên máy chủ (mất kết nối hoặc hết phiên); nội dung vẫn được giữ trên máy này."
            : draft.unsaved
              ? "Đang lưu nháp…"
              : draft.savedAt
                ? `Đã lưu nháp lúc ${formatDateTime(draft.savedAt)}.`
                : ""}
        </p>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {target ? "Gửi lại báo cáo" : "Gửi báo cáo"}
          </button>
          <Link className="button secondary" to={`/nhiem-vu/${t.id}`}>
            Để sau
          </Link>
          {draft.savedAt && (
            <button
              type="button"
              className="secondary"
              disabled={busy}
              onClick={() => {
                void draft.discard().then(() => navigate(`/nhiem-vu/${t.id}`));
              }}
            >
              Bỏ nháp
            </button>
          )}
        </div>
      </form>
    </>
  );
}
