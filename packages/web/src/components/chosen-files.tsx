import { formatBytes } from "../format/date.format.js";

/**
 * The files a form will send, each removable, and why the ones refused were refused — shown
 * under the file button of the report's evidence and of a visitor's feedback.
 */
export function ChosenFiles({
  files,
  problems,
  onChange,
  disabled,
  label,
}: {
  files: File[];
  problems: string[];
  onChange: (files: File[]) => void;
  disabled?: boolean;
  label?: string;
}) {
  return (
    <>
      {problems.map((p) => (
        <p key={p} className="alert error" role="alert">
          {p}
        </p>
      ))}
      {files.length > 0 && (
        <ul className="file-list" aria-label={label}>
          {files.map((f, i) => (
            <li key={`${f.name}-${i}`}>
              <span>
                {f.name} <span className="muted">({formatBytes(f.size)})</span>
              </span>
              <button
                type="button"
                className="link"
                disabled={disabled}
                onClick={() => onChange(files.filter((_, j) => j !== i))}
              >
                Bỏ tệp
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
