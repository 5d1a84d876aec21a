import { useCallback, useEffect, useRef, useState } from "react";
import type { ChangeEvent, SyntheticEvent } from "react";
import { formErrorsOf, NO_ERRORS, type FieldOf, type FormErrorState } from "./form-errors.js";

type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const isField = (target: EventTarget | null): target is Field =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement;

export const errorIdOf = (fieldId: string) => `${fieldId}-error`;

/**
 * The errors of one form, tied to its fields. `show(error)` places a failed request's errors
 * (the server names fields by path; `fieldOf` turns a path into the field's id and label; a form
 * whose fields depend on what was sent passes its own to `show`) and moves focus to the summary at the top of the form; `field(id)` gives a field its
 * `aria-invalid` and `aria-describedby`. The browser's own checks (a required field left empty)
 * also mark their field while the browser moves focus to the first of them; typing in the
 * field clears its mark. `formProps` go on the `<form>`.
 */
export function useFormErrors(fieldOf: FieldOf) {
  const [sent, setSent] = useState<FormErrorState>(NO_ERRORS);
  const [checked, setChecked] = useState<Record<string, string>>({});
  const [focusRound, setFocusRound] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (focusRound) summaryRef.current?.focus();
  }, [focusRound]);

  // React's own handlers, not the DOM's: a state change from a DOM listener would re-render
  // before React reads the typed value of a controlled field and lose it
  const formProps = {
    onInvalidCapture: (event: SyntheticEvent<HTMLFormElement>) => {
      const field = event.target;
      if (!isField(field) || !field.id || field.hasAttribute("data-own-validity")) return;
      setChecked((now) => ({ ...now, [field.id]: field.validationMessage }));
    },
    onChange: (event: ChangeEvent<HTMLFormElement>) => {
      const field = event.target as EventTarget;
      if (!isField(field)) return;
      // radios of one group share their check: choosing any of them answers it
      const group = field.type === "radio" ? `input[type=radio][name="${field.name}"]` : null;
      const ids = group
        ? [...(field.form?.querySelectorAll(group) ?? [])].map((radio) => radio.id)
        : [field.id];
      setChecked((now) =>
        ids.some((id) => id in now)
          ? Object.fromEntries(Object.entries(now).filter(([id]) => !ids.includes(id)))
          : now,
      );
    },
  };

  const show = useCallback(
    (error: Error, at: FieldOf = fieldOf) => {
      setSent(formErrorsOf(error, at));
      setFocusRound((n) => n + 1);
    },
    [fieldOf],
  );
  const clear = useCallback(() => {
    setSent(NO_ERRORS);
    setChecked({});
  }, []);

  /** What is wrong with field `id` ("Dòng 2: …" for each wrong line of it), or undefined. */
  const messageOf = (id: string): string | undefined => {
    const own = sent.fields.filter((f) => f.id === id);
    if (!own.length) return checked[id];
    return own.map((f) => (f.line ? `Dòng ${f.line}: ${f.message}` : f.message)).join(" ");
  };

  /** The attributes that tie field `id` to its error (nothing while it has none). */
  const field = (id: string, describedBy?: string) => {
    const wrong = messageOf(id) !== undefined;
    const ids = [describedBy, wrong ? errorIdOf(id) : undefined].filter(Boolean).join(" ");
    return {
      "aria-invalid": wrong ? (true as const) : undefined,
      "aria-describedby": ids || undefined,
    };
  };

  return { sent, show, clear, field, messageOf, summaryRef, formProps };
}

export type FormErrors = ReturnType<typeof useFormErrors>;
