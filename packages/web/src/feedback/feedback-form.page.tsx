import {
  FEEDBACK_KIND_HINTS,
  FEEDBACK_KIND_LABELS,
  FEEDBACK_KINDS,
  type FeedbackKind,
} from "@giamsat/core";
import type { PublicFieldView } from "@giamsat/server/api";
import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { useFocusOn } from "../components/use-focus-on.js";
import { useResource } from "../api/use-resource.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { Link } from "../router/link.js";
import { solveAltcha, type Challenge } from "./altcha-solver.js";
import { FeedbackFilesField } from "./feedback-files-field.js";
import { FeedbackTaskField, type TaskChoice } from "./feedback-task-field.js";

/** The text fields in order: name, label, attributes. */
const TEXT_FIELDS = [
  ["title", "Tiêu đề", { required: true, maxLength: 200 }],
  ["content", "Nội dung", { required: true, maxLength: 5000 }],
  ["name", "Họ và tên", { required: true, maxLength: 120 }],
  ["organisation", "Cơ quan, tổ chức (nếu có)", { maxLength: 200 }],
  ["email", "Thư điện tử", { type: "email" }],
  ["phone", "Số điện thoại", { type: "tel" }],
] as const;

const fieldOf = fieldsByPath({
  kind: { id: "fb-kind", label: "Loại" },
  fieldId: { id: "fb-fieldId", label: "Lĩnh vực" },
  consent: { id: "fb-consent", label: "Đồng ý xử lý dữ liệu cá nhân" },
  ...Object.fromEntries(TEXT_FIELDS.map(([name, label]) => [name, { id: `fb-${name}`, label }])),
});

/** The form's fields and files as multipart/form-data (the server reads the same fields). */
function asMultipart(fields: Record<string, string | number | boolean | undefined>, files: File[]) {
  const data = new FormData();
  for (const [k, v] of Object.entries(fields)) if (v !== undefined) data.append(k, String(v));
  for (const file of files) data.append("files", file, file.name);
  return data;
}

/** `/gop-y`: a visitor sends feedback without an account; the answer is the tracking code. */
export function FeedbackFormPage() {
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ code: string; secret: string } | null>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [task, setTask] = useState<TaskChoice | null>(null);
  const [kind, setKind] = useState<FeedbackKind>(FEEDBACK_KINDS[0]);
  // the form is gone once sent: the keyboard goes to the heading of what replaced it
  const sentHeading = useFocusOn<HTMLHeadingElement>(sent);
  const fields = useResource("feedback-fields", (signal) =>
    api<PublicFieldView[]>("/api/public/feedback-fields", { signal }),
  );

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const value = (k: string) => String(f.get(k) ?? "").trim() || undefined;
    setBusy(true);
    errors.clear();
    try {
      const challenge = await api<Challenge>("/api/public/challenge");
      const fields = {
        kind: value("kind"),
        fieldId: value("fieldId") === undefined ? undefined : Number(value("fieldId")),
        taskId: task?.id,
        title: value("title"),
        content: value("content"),
        name: value("name"),
        organisation: value("organisation"),
        email: value("email"),
        phone: value("phone"),
        consent: f.get("consent") === "on",
        publishName: f.get("publishName") === "on",
        altcha: await solveAltcha(challenge),
      };
      setSent(
        await api<{ code: string; secret: string }>("/api/public/feedback", {
          body: files.length ? asMultipart(fields, files) : fields,
        }),
      );
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  }

  if (sent)
    return (
      <>
        <h1 ref={sentHeading} tabIndex={-1}>
          Đã gửi góp ý
        </h1>
        <p>
          Mã theo dõi: <strong data-testid="feedback-code">{sent.code}</strong>
        </p>
        <p>
          Giữ đường dẫn dưới đây: chỉ người có đường dẫn này mới đánh giá được câu trả lời.{" "}
          <Link to={`/gop-y/${sent.code}?s=${encodeURIComponent(sent.secret)}`}>
            Theo dõi góp ý {sent.code}
          </Link>
        </p>
      </>
    );
  return (
    <>
      <h1 id="fb-title-h">Gửi phản ánh, kiến nghị, sáng kiến, giải pháp</h1>
      <form
        className="card form"
        onSubmit={submit}
        aria-labelledby="fb-title-h"
        {...errors.formProps}
      >
        <ErrorSummary errors={errors} />
        <div className="field">
          <label htmlFor="fb-kind">Loại</label>
          <select
            id="fb-kind"
            name="kind"
            value={kind}
            onChange={(e) => setKind(e.target.value as FeedbackKind)}
            {...errors.field("fb-kind", "fb-kind-hint")}
          >
            {FEEDBACK_KINDS.map((k) => (
              <option key={k} value={k}>
                {FEEDBACK_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <span id="fb-kind-hint" className="hint">
            {FEEDBACK_KIND_HINTS[kind]}
          </span>
          <FieldError errors={errors} id="fb-kind" />
        </div>
        {fields.data && fields.data.length > 0 && (
          <div className="field">
            <label htmlFor="fb-fieldId">Lĩnh vực</label>
            <select id="fb-fieldId" name="fieldId" defaultValue="" {...errors.field("fb-fieldId")}>
              <option value="">Không chọn</option>
              {fields.data.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.name}
                </option>
              ))}
            </select>
            <FieldError errors={errors} id="fb-fieldId" />
          </div>
        )}
        {TEXT_FIELDS.map(([name, label, props]) => (
          <div className="field" key={name}>
            <label htmlFor={`fb-${name}`}>{label}</label>
            {name === "content" ? (
              <textarea
                id="fb-content"
                name="content"
                rows={6}
                {...props}
                {...errors.field("fb-content")}
              />
            ) : (
              <input id={`fb-${name}`} name={name} {...props} {...errors.field(`fb-${name}`)} />
            )}
            <FieldError errors={errors} id={`fb-${name}`} />
          </div>
        ))}
        <FeedbackTaskField chosen={task} onChange={setTask} />
        <FeedbackFilesField files={files} onChange={setFiles} />
        <div className="field">
          <label className="check">
            <input
              id="fb-consent"
              name="consent"
              type="checkbox"
              required
              {...errors.field("fb-consent")}
            />{" "}
            Tôi đồng ý cho cơ quan xử lý dữ liệu cá nhân của tôi để trả lời góp ý này (Nghị định
            13/2023/NĐ-CP).
          </label>
          <FieldError errors={errors} id="fb-consent" />
        </div>
        <div className="field">
          <label className="check">
            <input id="fb-publishName" name="publishName" type="checkbox" /> Công khai tên tôi cùng
            câu trả lời
          </label>
        </div>
        <div className="actions">
          <button type="submit" disabled={busy}>
            {busy ? "Đang xác minh và gửi…" : "Gửi góp ý"}
          </button>
        </div>
      </form>
    </>
  );
}
