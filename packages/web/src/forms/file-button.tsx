import { forwardRef } from "react";

type Props = {
  id: string;
  accept?: string;
  multiple?: boolean;
  required?: boolean;
  disabled?: boolean;
  describedBy?: string;
  /** set by the form when the server refused the file (see useFormErrors) */
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
  /** What is chosen, shown beside the button ("Chưa chọn tệp" when empty); omit to show nothing. */
  chosen?: string;
  onFiles: (files: FileList | null) => void;
};

/**
 * A file button labelled in Vietnamese ("Chọn tệp…", "Chưa chọn tệp"): the browser's own file
 * input shows "Choose File / No file chosen" in an English browser. The real input stays in the
 * page (hidden from sight, not from assistive technology) and keeps its id for labels and tests.
 */
export const FileButton = forwardRef<HTMLInputElement, Props>(function FileButton(
  {
    id,
    accept,
    multiple,
    required,
    disabled,
    describedBy,
    "aria-invalid": refused,
    "aria-describedby": formError,
    chosen,
    onFiles,
  },
  ref,
) {
  return (
    <span className="file-button">
      <label className="button secondary" htmlFor={id}>
        Chọn tệp…
      </label>
      <input
        id={id}
        ref={ref}
        className="sr-only"
        type="file"
        accept={accept}
        multiple={multiple}
        required={required}
        disabled={disabled}
        aria-describedby={[describedBy, formError].filter(Boolean).join(" ") || undefined}
        aria-invalid={refused}
        onChange={(e) => onFiles(e.target.files)}
      />
      {chosen !== undefined && <span className="muted">{chosen || "Chưa chọn tệp"}</span>}
    </span>
  );
});
