import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { ImportConfirmed, ImportPreview } from "../api/types.js";
import { uploadForm } from "../api/upload.js";
import { AliasMapper } from "../components/alias-mapper.js";
import { useFocusOn } from "../components/use-focus-on.js";
import { hasTextLines, ImportPreviewView } from "../components/import-preview.js";
import { ImportProgress } from "../components/import-progress.js";
import { KeptCorrections } from "../components/kept-corrections.js";
import { ProseConfirm, proseTasks } from "../components/prose-confirm.js";
import { formatBytes } from "../format/date.format.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { FileButton } from "../forms/file-button.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { Link } from "../router/link.js";

const IMPORT_TYPES = ".docx,.doc,.xlsx,.pdf,.png,.jpg,.jpeg,.tif,.tiff,.txt,.md,.html,.htm";
const FREQUENCY = { monthly: "hằng tháng", quarterly: "hằng quý" } as const;
const fieldOf = fieldsByPath({ file: { id: "import-file", label: "Văn bản kế hoạch" } });

function outcomeText(outcome: ImportConfirmed): string {
  if (outcome.unchanged) return "Văn bản này đã được nhập trước đó; không có gì thay đổi.";
  const what = `${outcome.tasks} nhiệm vụ, ${outcome.indicators} chỉ tiêu`;
  if (outcome.created) return `Đã lưu kế hoạch mới: ${what}.`;
  const kept = outcome.changes.kept.length;
  return `Đã cập nhật kế hoạch theo văn bản sửa đổi: ${what}${kept ? `; giữ nguyên ${kept} trường đã hiệu chỉnh` : ""}.`;
}

/** Upload a plan document → read the preview → map unknown units → confirm → the plan is stored. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const errors = useFormErrors(fieldOf);
  const [stored, setStored] = useState<ImportConfirmed | null>(null);
  const [saving, setSaving] = useState(false);
  const [confirmedProse, setConfirmedProse] = useState<Set<number>>(new Set());
  // "Đọc văn bản" and "Lưu kế hoạch" are gone or disabled once done: the keyboard goes to the result
  const previewHeading = useFocusOn<HTMLHeadingElement>(preview);
  const storedNote = useFocusOn<HTMLParagraphElement>(stored);

  const read = async (f: File) => {
    errors.clear();
    setProgress(0);
    const form = new FormData();
    // getRandomValues, unlike randomUUID, works on a plain-http intranet address too
    const key = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
      b.toString(16).padStart(2, "0"),
    ).join("");
    form.append("progress", key);
    form.append("file", f, f.name);
    setReading(key);
    try {
      setPreview(await uploadForm<ImportPreview>("/api/imports/preview", form, setProgress));
      setConfirmedProse(new Set());
    } catch (e) {
      errors.show(e as Error);
      setPreview(null);
    } finally {
      setProgress(null);
      setReading(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStored(null);
    if (file) void read(file);
  };
  const proseOnly = preview !== null && proseTasks(preview.result).length > 0;
  const confirm = async () => {
    if (!preview) return;
    errors.clear();
    setSaving(true);
    try {
      setStored(
        await api<ImportConfirmed>("/api/imports", {
          body: { uploadId: preview.uploadId, confirmProse: [...confirmedProse] },
        }),
      );
      setPreview(null);
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <h1>Nhập kế hoạch</h1>
      <form
        className="card"
        onSubmit={submit}
        aria-label="Tải văn bản kế hoạch"
        {...errors.formProps}
      >
        <ErrorSummary errors={errors} />
        <div className="field">
          <label htmlFor="import-file">
            Văn bản kế hoạch{" "}
            <span className="hint">
              (Word .docx .doc, Excel .xlsx, PDF — có lớp chữ hoặc bản quét, ảnh chụp trang .png
              .jpg .tif, văn bản .txt hoặc .md, trang web .html)
            </span>
          </label>
          <FileButton
            id="import-file"
            accept={IMPORT_TYPES}
            required
            chosen={file ? `${file.name} — ${formatBytes(file.size)}` : ""}
            onFiles={(files) => setFile(files?.[0] ?? null)}
            {...errors.field("import-file")}
          />
          <FieldError errors={errors} id="import-file" />
        </div>
        {progress !== null && <ImportProgress uploaded={progress} readingKey={reading} />}
        <button type="submit" disabled={!file || progress !== null}>
          Đọc văn bản
        </button>
      </form>
      {stored && (
        <p className="alert success" data-testid="import-stored" ref={storedNote} tabIndex={-1}>
          {outcomeText(stored)} <Link to={`/ke-hoach/${stored.planId}`}>Mở kế hoạch</Link> ·{" "}
          <Link to={`/?plan=${stored.planId}`}>Xem tổng quan</Link>
        </p>
      )}
      {preview && (
        <>
          <div className="card" data-testid="import-preview">
            <h2 ref={previewHeading} tabIndex={-1}>
              Bản xem trước
            </h2>
            <p>
              Bản xem trước của <strong>{preview.fileName}</strong>. Chưa có gì được ghi vào hệ
              thống.
            </p>
            {preview.existingPlan && (
              <p className="alert warning">
                Kế hoạch số {preview.existingPlan.number} đã có trong hệ thống: lưu sẽ cập nhật các
                thay đổi vào kế hoạch đó.
              </p>
            )}
            <KeptCorrections kept={preview.keptCorrections} />
            {preview.calendar && (
              <p>
                Lịch báo cáo đọc từ văn bản: {FREQUENCY[preview.calendar.frequency]}, trước ngày{" "}
                {preview.calendar.dueDay}.
              </p>
            )}
            <div className="actions">
              <button
                type="button"
                disabled={saving || (proseOnly && confirmedProse.size === 0)}
                onClick={() => void confirm()}
              >
                {saving ? "Đang lưu…" : "Lưu kế hoạch"}
              </button>
              <button type="button" className="secondary" onClick={() => setPreview(null)}>
                Huỷ
              </button>
            </div>
          </div>
          <ProseConfirm
            result={preview.result}
            confirmed={confirmedProse}
            onChange={setConfirmedProse}
          />
          <AliasMapper
            unresolved={preview.unresolved}
            textLines={hasTextLines(preview.fileName)}
            onMapped={() => file && void read(file)}
          />
          <ImportPreviewView result={preview.result} fileName={preview.fileName} />
        </>
      )}
    </>
  );
}
