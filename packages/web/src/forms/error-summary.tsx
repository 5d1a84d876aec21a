import type { MouseEvent } from "react";
import { errorIdOf, type FormErrors } from "./use-form-errors.js";

/** Focuses a field from the summary's link (the page's router does not handle `#id`). */
function goTo(event: MouseEvent<HTMLAnchorElement>, id: string) {
  const target = document.getElementById(id);
  if (!target) return;
  event.preventDefault();
  target.scrollIntoView({ block: "center" });
  target.focus();
}

/**
 * The summary at the top of a form after a failed submission: focused when it appears, it says
 * how many fields need fixing and links to each of them by its label; an error that names no
 * field is shown as the form's message.
 */
export function ErrorSummary({ errors }: { errors: FormErrors }) {
  const { general, fields } = errors.sent;
  if (!general && !fields.length) return null;
  return (
    <div
      ref={errors.summaryRef}
      className="alert error error-summary"
      role="alert"
      tabIndex={-1}
      data-testid="error-summary"
    >
      {general ?? (
        <>
          <p className="error-summary-title">
            Chưa gửi được: {fields.length === 1 ? "một mục" : `${fields.length} mục`} cần sửa
          </p>
          <ul>
            {fields.map((f, i) => (
              <li key={i}>
                {f.id ? (
                  <a href={`#${f.id}`} onClick={(event) => goTo(event, f.id as string)}>
                    {f.label}: {f.message}
                  </a>
                ) : (
                  f.message
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

/** A field's error, under it; the field names it with `errors.field(id)`. */
export function FieldError({ errors, id }: { errors: FormErrors; id: string }) {
  const message = errors.messageOf(id);
  if (message === undefined) return null;
  return (
    <small id={errorIdOf(id)} className="field-problem">
      {message}
    </small>
  );
}
