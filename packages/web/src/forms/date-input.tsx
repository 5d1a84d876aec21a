import { parseTypedDate } from "@giamsat/core";
import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { formatDate } from "../format/date.format.js";
import { CalendarIcon } from "../components/icons.js";

type Props = {
  id: string;
  /** Name of the hidden field that carries the ISO day (yyyy-mm-dd) in the form's data. */
  name?: string;
  /** Controlled ISO value; `onChange` receives each committed day (on leaving the field or Enter). */
  value?: string;
  defaultValue?: string;
  onChange?: (iso: string) => void;
  required?: boolean;
  min?: string;
  max?: string;
  disabled?: boolean;
  /** set by the form when the server refused this date (see useFormErrors) */
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
};

/** Why a typed date is refused, in Vietnamese; "" when it is acceptable. */
export function dateProblem(
  text: string,
  { required, min, max }: Pick<Props, "required" | "min" | "max">,
): string {
  if (!text.trim()) return required ? "Vui lòng nhập ngày theo dạng dd/mm/yyyy." : "";
  const iso = parseTypedDate(text);
  if (!iso) return `“${text.trim()}” không phải là ngày hợp lệ: nhập dd/mm/yyyy, ví dụ 01/06/2026.`;
  if (min && iso < min) return `Ngày không được trước ${formatDate(min)}.`;
  if (max && iso > max) return `Ngày không được sau ${formatDate(max)}.`;
  return "";
}

/**
 * A date field that shows and accepts dd/mm/yyyy whatever the browser's language ("01062026" and
 * "1/6/2026" both become 01/06/2026), with a calendar button. The browser's own date input is
 * only used as the calendar pop-up: its text follows the browser's language (mm/dd/yyyy in an
 * English browser), which is why the typed field is ours.
 */
export function DateInput({
  id,
  name,
  value,
  defaultValue,
  onChange,
  "aria-invalid": refused,
  "aria-describedby": formError,
  ...rules
}: Props) {
  const initial = value ?? defaultValue ?? "";
  const [text, setText] = useState(initial ? formatDate(initial) : "");
  // a wrong day turns the border red on leaving the field; the sentence appears when the form is
  // sent (showing it on blur would move the button being clicked)
  const [touched, setTouched] = useState(false);
  const [reported, setReported] = useState(false);
  const field = useRef<HTMLInputElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const problem = dateProblem(text, rules);
  const iso = problem ? "" : (parseTypedDate(text) ?? "");

  useEffect(() => {
    if (value !== undefined) setText(value ? formatDate(value) : "");
  }, [value]);
  useEffect(() => field.current?.setCustomValidity(problem), [problem]);

  const commit = (next: string) => {
    setTouched(true);
    const day = dateProblem(next, rules) ? null : parseTypedDate(next);
    if (day) setText(formatDate(day));
    if (!onChange) return;
    if (day && day !== value) onChange(day);
    else if (!next.trim() && value) onChange("");
  };
  const enter = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "Enter") commit(text);
  };

  return (
    <span className="date-input">
      <input
        id={id}
        ref={field}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        placeholder="dd/mm/yyyy"
        data-own-validity=""
        aria-invalid={refused || (touched && problem) ? true : undefined}
        aria-describedby={
          [reported && problem ? `${id}-problem` : "", formError ?? ""].join(" ").trim() ||
          undefined
        }
        value={text}
        required={rules.required}
        disabled={rules.disabled}
        onChange={(e) => setText(e.target.value)}
        onBlur={() => commit(text)}
        onInvalid={() => setReported(true)}
        onKeyDown={enter}
      />
      {name && <input type="hidden" name={name} value={iso} />}
      <button
        type="button"
        className="secondary icon-button"
        title="Chọn ngày trên lịch"
        aria-label="Chọn ngày trên lịch"
        disabled={rules.disabled}
        onClick={() => picker.current?.showPicker()}
      >
        <CalendarIcon />
      </button>
      <input
        ref={picker}
        className="date-picker"
        type="date"
        tabIndex={-1}
        aria-hidden="true"
        value={iso}
        min={rules.min}
        max={rules.max}
        onChange={(e) => commit(e.target.value)}
      />
      {reported && problem && (
        <small id={`${id}-problem`} className="field-problem">
          {problem}
        </small>
      )}
    </span>
  );
}
