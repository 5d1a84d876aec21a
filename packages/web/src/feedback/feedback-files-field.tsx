import { FEEDBACK_MAX_FILES } from "@giamsat/core";
import { useRef, useState } from "react";
import { ACCEPT, fileProblem, MAX_FILE_BYTES } from "../components/evidence-picker.js";
import { formatBytes } from "../format/date.format.js";
import { FileButton } from "../forms/file-button.js";
import { ChosenFiles } from "../components/chosen-files.js";

/** The visitor's attachments: checked in the page like evidence, at most three, removable. */
export function FeedbackFilesField({
  files,
  onChange,
}: {
  files: File[];
  onChange: (files: File[]) => void;
}) {
  const [problems, setProblems] = useState<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const add = (list: FileList | null) => {
    const incoming = [...(list ?? [])];
    const bad = incoming.map((f) => fileProblem(f)).filter((p): p is string => p !== null);
    const good = incoming.filter((f) => fileProblem(f) === null);
    const next = [...files, ...good];
    if (next.length > FEEDBACK_MAX_FILES)
      bad.push(`Chỉ được đính kèm tối đa ${FEEDBACK_MAX_FILES} tệp.`);
    setProblems(bad);
    onChange(next.slice(0, FEEDBACK_MAX_FILES));
    if (input.current) input.current.value = "";
  };
  return (
    <div className="field">
      <span id="fb-files-label" className="label-text">
        <strong>Tệp đính kèm (nếu có)</strong>{" "}
        <span className="hint">
          (tối đa {FEEDBACK_MAX_FILES} tệp, mỗi tệp {formatBytes(MAX_FILE_BYTES)}; PDF, Word, Excel,
          ảnh PNG/JPEG, ZIP; chỉ cơ quan xử lý xem được)
        </span>
      </span>
      <FileButton
        id="fb-files"
        ref={input}
        multiple
        accept={ACCEPT}
        describedBy="fb-files-label"
        onFiles={add}
      />
      <ChosenFiles files={files} problems={problems} onChange={onChange} label="Tệp đã chọn" />
    </div>
  );
}
