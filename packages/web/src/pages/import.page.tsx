import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { ImportConfirmed, ImportPreview, Organisation } from "../api/types.js";
import { uploadForm } from "../api/upload.js";
import { useResource } from "../api/use-resource.js";
import { AliasMapper } from "../components/alias-mapper.js";
import { ErrorBox } from "../components/feedback.js";
import { ImportPreviewView, unresolvedUnits } from "../components/import-preview.js";
import { formatBytes } from "../format/date.format.js";
import { Link } from "../router/link.js";

const IMPORT_TYPES = ".docx,.xlsx,.txt,.doc,.pdf,.zip";

/** Upload a plan document → read the preview → map unknown units → confirm → the plan is stored. */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [stored, setStored] = useState<ImportConfirmed | null>(null);
  const orgs = useResource("organisations", (signal) =>
    api<{ items: Organisation[] }>("/api/organisations", { signal }),
  );

  const read = async (f: File) => {
    setError(null);
    setProgress(0);
    const form = new FormData();
    form.append("file", f, f.name);
    try {
      setPreview(await uploadForm<ImportPreview>("/api/imports", form, setProgress));
    } catch (e) {
      setError(e as Error);
      setPreview(null);
    } finally {
      setProgress(null);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setStored(null);
    if (file) void read(file);
  };
  const confirm = async () => {
    if (!preview) return;
    setError(null);
    try {
      setStored(
        await api<ImportConfirmed>(`/api/imports/${preview.id}/confirm`, {
          method: "POST",
          body: {},
        }),
      );
      setPreview(null);
    } catch (e) {
      setError(e as Error);
    }
  };
  const unresolved = preview ? unresolvedUnits(preview.result) : [];

  return (
    <>
      <h1>Nhập kế hoạch</h1>
      <form className="card" onSubmit={submit} aria-label="Tải văn bản kế hoạch">
        <div className="field">
          <label htmlFor="import-file">
            Văn bản kế hoạch{" "}
            <span className="hint">(Word .docx, Excel .xlsx hoặc văn bản .txt)</span>
          </label>
          <input
            id="import-file"
            type="file"
            accept={IMPORT_TYPES}
            required
            onChange={(e) => setFile(e.target.files?.[0] ?? null)}
          />
          {file && (
            <span className="hint">
              {file.name} — {formatBytes(file.size)}
            </span>
          )}
        </div>
        {progress !== null && (
          <div className="field">
            <label htmlFor="import-progress">
              Đang tải lên và đọc văn bản… {Math.round(progress * 100)}%
            </label>
            <progress id="import-progress" max={1} value={progress} />
          </div>
        )}
        <button type="submit" disabled={!file || progress !== null}>
          Đọc văn bản
        </button>
      </form>
      <ErrorBox error={error} />
      {stored && (
        <p className="alert success" role="status" data-testid="import-stored">
          Đã lưu kế hoạch. <Link to={`/ke-hoach/${stored.planId}`}>Mở kế hoạch</Link> ·{" "}
          <Link to={`/?plan=${stored.planId}`}>Xem tổng quan</Link>
        </p>
      )}
      {preview && (
        <>
          <div className="card actions" data-testid="import-preview">
            <span>
              Bản xem trước của <strong>{preview.fileName}</strong>. Kiểm tra rồi bấm lưu; chưa có
              gì được ghi vào hệ thống.
            </span>
            <button type="button" onClick={() => void confirm()}>
              Lưu kế hoạch
            </button>
            <button type="button" className="secondary" onClick={() => setPreview(null)}>
              Huỷ
            </button>
          </div>
          <AliasMapper
            unresolved={unresolved}
            orgs={orgs.data?.items ?? []}
            onMapped={() => file && void read(file)}
          />
          <ImportPreviewView result={preview.result} />
        </>
      )}
    </>
  );
}
