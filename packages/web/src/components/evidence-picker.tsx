import { useRef, useState } from "react";
import type { DragEvent } from "react";
import { formatBytes } from "../format/date.format.js";
import { FileButton } from "../forms/file-button.js";
import { ChosenFiles } from "./chosen-files.js";

export const MAX_FILE_BYTES = 20 * 1024 * 1024;
const ALLOWED = [
  "pdf",
  "doc",
  "docx",
  "xls",
  "xlsx",
  "ppt",
  "pptx",
  "odt",
  "ods",
  "txt",
  "csv",
  "jpg",
  "jpeg",
  "png",
  "zip",
];
export const ACCEPT = ALLOWED.map((ext) => `.${ext}`).join(",");

/** Why a file cannot be sent, checked before any upload; null when it is fine. */
export function fileProblem(file: File, maxBytes = MAX_FILE_BYTES): string | null {
  const ext = file.name.includes(".") ? (file.name.split(".").pop() ?? "").toLowerCase() : "";
  if (!ALLOWED.includes(ext))
    return `Tệp “${file.name}”: kiểu tệp không được chấp nhận (chỉ nhận ${ALLOWED.join(", ")}).`;
  if (file.size > maxBytes)
    return `Tệp “${file.name}” có dung lượng ${formatBytes(file.size)}, vượt mức tối đa ${formatBytes(maxBytes)}.`;
  if (file.size === 0) return `Tệp “${file.name}” rỗng.`;
  return null;
}

type Props = { files: File[]; onChange: (files: File[]) => void; disabled?: boolean };

/** Drop zone and file button: accepted files join the list, rejected ones are explained. */
export function EvidencePicker({ files, onChange, disabled }: Props) {
  const [over, setOver] = useState(false);
  const [problems, setProblems] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);

  const add = (list: FileList | null) => {
    if (!list) return;
    const incoming = [...list];
    const bad = incoming.map((f) => fileProblem(f)).filter((p): p is string => p !== null);
    const good = incoming.filter(
      (f) => fileProblem(f) === null && !files.some((x) => x.name === f.name && x.size === f.size),
    );
    setProblems(bad);
    onChange([...files, ...good]);
    if (input.current) input.current.value = "";
  };
  const drop = (event: DragEvent) => {
    event.preventDefault();
    setOver(false);
    if (!disabled) add(event.dataTransfer.files);
  };

  return (
    <div className="field">
      <span id="ev-label" className="label-text">
        <strong>Tệp minh chứng</strong>{" "}
        <span className="hint">
          (tối đa {formatBytes(MAX_FILE_BYTES)} mỗi tệp; PDF, Word, Excel, ảnh PNG/JPEG, ZIP)
        </span>
      </span>
      <div
        className={over ? "dropzone over" : "dropzone"}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="dropzone"
      >
        <p>Kéo thả tệp vào đây hoặc</p>
        <FileButton
          id="evidence-files"
          ref={input}
          multiple
          accept={ACCEPT}
          disabled={disabled}
          describedBy="ev-label"
          onFiles={add}
        />
      </div>
      <ChosenFiles files={files} problems={problems} onChange={onChange} disabled={disabled} />
    </div>
  );
}
