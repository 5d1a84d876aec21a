import { vietnamDay } from "@giamsat/core";
import { useEffect, useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { useUser } from "../auth/session.js";
import { ErrorBox, Loading } from "../components/feedback.js";
import { formatBytes, formatDate, formatDateTime, isIsoDate } from "../format/date.format.js";
import { planLabel } from "../format/plan.format.js";
import { DateInput } from "../forms/date-input.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { setQuery, useLocation } from "../router/router.js";
import {
  downloadUrl,
  FORMATS,
  PERIODS,
  scopeQuery,
  type KeptReport,
  type ReportDraft,
  type ReportPreview,
  type ReportScope,
} from "./periodic-report.api.js";

const draftFields = fieldsByPath({
  assessment: { id: "r-assessment", label: "Đánh giá chung" },
  directions: { id: "r-directions", label: "Nhiệm vụ trọng tâm thời gian tới" },
});

function useScope(): ReportScope {
  const { query } = useLocation();
  const period = query.get("period");
  return {
    plan: query.get("plan"),
    asOf: isIsoDate(query.get("asOf")) ? (query.get("asOf") as string) : vietnamDay(),
    period: PERIODS.some((p) => p.value === period) ? (period as string) : "month",
  };
}

function ScopeForm({ scope, plans }: { scope: ReportScope; plans: PlanSummary[] }) {
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    setQuery(
      {
        plan: String(data.get("plan") ?? "") || null,
        asOf: String(data.get("asOf") ?? ""),
        period: String(data.get("period") ?? "month"),
      },
      false,
    );
  };
  return (
    <form className="filters" onSubmit={submit} aria-label="Phạm vi báo cáo">
      <div className="field">
        <label htmlFor="r-plan">Kế hoạch</label>
        <select id="r-plan" name="plan" defaultValue={scope.plan ?? ""}>
          <option value="">Tất cả kế hoạch</option>
          {plans.map((p) => (
            <option key={p.id} value={p.id}>
              {planLabel(p)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="r-asof">Số liệu tính đến ngày</label>
        <DateInput id="r-asof" name="asOf" defaultValue={scope.asOf} required />
      </div>
      <div className="field">
        <label htmlFor="r-period">Kỳ báo cáo</label>
        <select id="r-period" name="period" defaultValue={scope.period}>
          {PERIODS.map((p) => (
            <option key={p.value} value={p.value}>
              {p.label}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">Xem báo cáo</button>
    </form>
  );
}

/** The sections the monitoring department writes: edited here, saved as the scope's draft. */
function DraftForm({ scope, onSaved }: { scope: ReportScope; onSaved: () => void }) {
  const user = useUser();
  const key = JSON.stringify(scopeQuery(scope));
  const draft = useResource(`periodic-draft ${key}`, (signal) =>
    api<ReportDraft>("/api/reports/periodic/draft", { query: scopeQuery(scope), signal }),
  );
  const [text, setText] = useState({ assessment: "", directions: "" });
  const errors = useFormErrors(draftFields);
  const [saved, setSaved] = useState<string | null>(null);
  useEffect(() => {
    if (draft.data) setText(draft.data.sections);
  }, [draft.data]);
  const canEdit = user.role === "monitor";
  const save = async (e: FormEvent) => {
    e.preventDefault();
    errors.clear();
    try {
      const body = { ...scopeQuery(scope), ...text };
      const result = await api<ReportDraft>("/api/reports/periodic/draft", { method: "PUT", body });
      setSaved(`Đã lưu bản nháp lúc ${formatDateTime(result.updatedAt)}.`);
      onSaved();
    } catch (err) {
      errors.show(err as Error);
    }
  };
  return (
    <form onSubmit={save} aria-label="Phần cơ quan theo dõi viết" {...errors.formProps}>
      <ErrorSummary errors={errors} />
      <div className="field">
        <label htmlFor="r-assessment">III. Đánh giá chung</label>
        <textarea
          id="r-assessment"
          rows={5}
          value={text.assessment}
          readOnly={!canEdit}
          onChange={(e) => setText({ ...text, assessment: e.target.value })}
          {...errors.field("r-assessment")}
        />
        <FieldError errors={errors} id="r-assessment" />
      </div>
      <div className="field">
        <label htmlFor="r-directions">IV. Nhiệm vụ trọng tâm thời gian tới</label>
        <textarea
          id="r-directions"
          rows={5}
          value={text.directions}
          readOnly={!canEdit}
          onChange={(e) => setText({ ...text, directions: e.target.value })}
          {...errors.field("r-directions")}
        />
        <FieldError errors={errors} id="r-directions" />
      </div>
      {draft.data?.updatedAt ? (
        <p className="muted">
          Bản nháp: {draft.data.updatedBy ?? ""}, {formatDateTime(draft.data.updatedAt)}
        </p>
      ) : null}
      {canEdit ? <button type="submit">Lưu bản nháp</button> : null}
      {saved ? <p role="status">{saved}</p> : null}
    </form>
  );
}

function Preview({ preview }: { preview: ReportPreview }) {
  return (
    <article className="card" data-testid="report-preview" lang="vi">
      <p>
        <strong>{preview.header.agency}</strong>
        {preview.header.department ? ` · ${preview.header.department}` : ""} ·{" "}
        <em>{preview.header.placeDate}</em>
      </p>
      <h2>
        {preview.title}
        <br />
        {preview.subtitle}
      </h2>
      {preview.sections.map((s) => (
        <section key={s.heading}>
          <h3>{s.heading}</h3>
          {s.paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
        </section>
      ))}
      <h3>Phụ lục</h3>
      <ul>
        {preview.annexes.map((a) => (
          <li key={a.label}>
            {a.label}: {a.title} — {a.rows} dòng
          </li>
        ))}
      </ul>
    </article>
  );
}

function KeptList({ version }: { version: number }) {
  const kept = useResource(`periodic-kept ${version}`, (signal) =>
    api<{ items: KeptReport[]; total: number }>("/api/reports/periodic/kept", {
      query: { limit: 20 },
      signal,
    }),
  );
  if (!kept.data?.items.length) return null;
  // cards on a phone: five columns and a file name do not fit 320 px
  return (
    <div className="table-wrap cards">
      <table data-testid="kept-reports">
        <caption>Báo cáo đã tạo</caption>
        <thead>
          <tr>
            <th>Lúc</th>
            <th>Người tạo</th>
            <th>Kế hoạch</th>
            <th>Tính đến</th>
            <th>Tệp</th>
          </tr>
        </thead>
        <tbody>
          {kept.data.items.map((r) => (
            <tr key={r.id}>
              <td data-label="Lúc">{formatDateTime(r.generatedAt)}</td>
              <td data-label="Người tạo">{r.generatedBy ?? "Dòng lệnh"}</td>
              <td data-label="Kế hoạch">{r.plan?.number ?? "Tất cả"}</td>
              <td data-label="Tính đến">{formatDate(r.asOf)}</td>
              <td data-label="Tệp">
                <a href={`/api/reports/periodic/kept/${r.id}`} download={r.fileName}>
                  {r.fileName}
                </a>{" "}
                ({formatBytes(r.size)})
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** When the kept reports are asked again after a download starts. */
const KEPT_REFRESH_MS = [1500, 5000, 12000];

/**
 * "Báo cáo định kỳ": the report of a plan (or all plans) as of a date for a period, previewed
 * with its figures, the monitoring department's own sections edited and saved as a draft, and
 * downloaded as .docx, .pdf or .xlsx; the reports generated before are listed for download.
 */
export function PeriodicReportPage() {
  const scope = useScope();
  const [version, setVersion] = useState(0);
  // a download is generated and kept on the server while the browser saves it: the list of
  // kept reports is asked again a few times, so that a slow generation still shows up
  const refreshKeptSoon = () => {
    for (const ms of KEPT_REFRESH_MS) setTimeout(() => setVersion((v) => v + 1), ms);
  };
  const plans = useResource("plans", (signal) =>
    api<{ items: PlanSummary[] }>("/api/plans", { signal }),
  );
  const key = `${JSON.stringify(scopeQuery(scope))} ${version}`;
  const preview = useResource(`periodic-preview ${key}`, (signal) =>
    api<ReportPreview>("/api/reports/periodic/preview", { query: scopeQuery(scope), signal }),
  );
  return (
    <>
      <h1>Báo cáo định kỳ</h1>
      <p className="subtitle">
        Báo cáo tình hình thực hiện kế hoạch theo thể thức Nghị định 30/2020/NĐ-CP, số liệu tính đến
        ngày {formatDate(scope.asOf)}.
      </p>
      <ScopeForm scope={scope} plans={plans.data?.items ?? []} />
      <nav className="actions" aria-label="Tải báo cáo">
        {FORMATS.map((f) => (
          <a
            key={f.value}
            className="button"
            href={downloadUrl(scope, f.value)}
            download
            onClick={refreshKeptSoon}
          >
            {f.label}
          </a>
        ))}
      </nav>
      <DraftForm scope={scope} onSaved={() => setVersion((v) => v + 1)} />
      {preview.error ? <ErrorBox error={preview.error} /> : null}
      {preview.loading && !preview.data ? <Loading /> : null}
      {preview.data ? <Preview preview={preview.data} /> : null}
      <KeptList version={version} />
    </>
  );
}
