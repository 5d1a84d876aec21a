import { ApiError } from "../api/api-error.js";

/** A form field as the user sees it: the element's id and its Vietnamese label. */
export type FieldSpec = { id: string; label: string };

/**
 * Which field of the form a server path names ("summary", "evidence.2.url"), or undefined for a
 * path the form does not show. A line of a multi-line field may be named ("dòng 2").
 */
export type FieldOf = (path: string) => (FieldSpec & { line?: number }) | undefined;

/** One error as the form shows it: beside field `id` (null: only in the summary), at a line of it. */
export type ShownError = { id: string | null; label: string; message: string; line?: number };

/** The errors of one failed submission: a message for the whole form, or errors per field. */
export type FormErrorState = { general: string | null; fields: ShownError[] };

export const NO_ERRORS: FormErrorState = { general: null, fields: [] };

/** An error the page finds itself before sending, on the field of `path`, shown like the server's. */
export const fieldProblem = (path: string, message: string) =>
  new ApiError(400, "validation", message, { fields: [{ path, message }] });

function serverFields(error: Error): { path: string; message: string }[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details?.fields)) return [];
  return (error.details.fields as unknown[]).flatMap((f) => {
    const { path, message } = (f ?? {}) as Record<string, unknown>;
    return typeof path === "string" && typeof message === "string" ? [{ path, message }] : [];
  });
}

/**
 * The errors of a failed request, placed on the form's fields: each field the server names gets
 * its message under its label ("Đường dẫn minh chứng, dòng 2"), never the internal path; a field
 * the form does not show, or an error naming no field, is shown as a message for the whole form.
 */
export function formErrorsOf(error: Error, fieldOf: FieldOf): FormErrorState {
  const named = serverFields(error);
  if (!named.length) return { general: error.message, fields: [] };
  const fields = named.map(({ path, message }): ShownError => {
    const spec = fieldOf(path);
    if (!spec) return { id: null, label: "", message };
    if (!spec.line) return { id: spec.id, label: spec.label, message };
    return { id: spec.id, label: `${spec.label}, dòng ${spec.line}`, message, line: spec.line };
  });
  return { general: null, fields };
}

/**
 * A FieldOf from a table of paths, where `*` stands for one list index: `{ "evidence.*.url":
 * links }`. Paths under a listed path belong to it ("members.0" → "members").
 */
export function fieldsByPath(table: Record<string, FieldSpec>): FieldOf {
  return (path) => {
    const generic = path.replace(/\.\d+(?=\.|$)/g, ".*");
    for (const key of [path, generic]) {
      for (let p = key; p; p = p.includes(".") ? p.slice(0, p.lastIndexOf(".")) : "") {
        const spec = table[p];
        if (spec) return spec;
      }
    }
    return undefined;
  };
}
