/**
 * The shape of the organisation directory, as stored in `organisations.json` and in any file a
 * user adds (see README.md in this folder). Zod schemas and the types they infer.
 */
import { z } from "zod";
import { ValidationError } from "../errors.js";

export const ORG_ENTRY_KINDS = [
  "central",
  "ministry",
  "agency",
  "province",
  "commune",
  "department",
  "group",
] as const;
export type OrgEntryKind = (typeof ORG_ENTRY_KINDS)[number];

const text = z.string().trim().min(1);
const texts = z.array(text).default([]);

export const OrgEntrySchema = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
    name: text,
    kind: z.enum(ORG_ENTRY_KINDS),
    parentId: z.string().nullable().default(null),
    aliases: texts,
    abbreviations: texts,
    formerNames: texts,
  })
  .strict();
/** One organisation or group placeholder of the directory. */
export type OrgEntry = z.infer<typeof OrgEntrySchema>;
/** An entry as written in a file: the lists may be left out. */
export type OrgEntryInput = z.input<typeof OrgEntrySchema>;

/** A unit every ministry (or province) has: expanded once per parent, id `<parent>.<key>`. */
export const StandardUnitSchema = z
  .object({
    under: z.enum(["ministry", "province"]),
    key: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    name: text,
    kind: z.enum(ORG_ENTRY_KINDS).default("department"),
    aliases: texts,
    abbreviations: texts,
    formerNames: texts,
  })
  .strict();
export type StandardUnit = z.infer<typeof StandardUnitSchema>;

/** A phrase written short in documents: `Ủy ban nhân dân` → `UBND`. */
export const PhraseSchema = z.object({ full: text, short: z.array(text).min(1) }).strict();
export type Phrase = z.infer<typeof PhraseSchema>;

export const DirectoryFileSchema = z
  .object({
    $comment: z.string().optional(),
    phrases: z.array(PhraseSchema).default([]),
    standardUnits: z.array(StandardUnitSchema).default([]),
    organisations: z.array(OrgEntrySchema).default([]),
  })
  .strict();
export type DirectoryFile = z.infer<typeof DirectoryFileSchema>;
export type DirectoryFileInput = z.input<typeof DirectoryFileSchema>;

const ISSUE_TEXT: Record<string, string> = {
  invalid_type: "sai kiểu dữ liệu hoặc bị thiếu",
  too_small: "không được để trống",
  invalid_value: "giá trị không hợp lệ",
  invalid_format: "sai định dạng (mã chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang)",
  unrecognized_keys: "có trường không được hỗ trợ",
};

/**
 * Reads a directory file (already JSON-parsed). Throws a ValidationError naming the field,
 * e.g. `organisations[3].kind: giá trị không hợp lệ (ministry, agency, …)`.
 */
export function parseDirectoryFile(json: unknown, source = "tệp danh mục tổ chức"): DirectoryFile {
  const result = DirectoryFileSchema.safeParse(json);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue ? formatPath(issue.path) : "";
  let reason = issue ? (ISSUE_TEXT[issue.code] ?? "không hợp lệ") : "không hợp lệ";
  if (issue?.code === "invalid_value") reason += ` (${issue.values.map(String).join(", ")})`;
  if (issue?.code === "unrecognized_keys") reason += `: ${issue.keys.join(", ")}`;
  throw new ValidationError(`${source}: ${path ? `${path}: ` : ""}${reason}.`, { path });
}

function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((part, i) => (typeof part === "number" ? `[${part}]` : `${i ? "." : ""}${String(part)}`))
    .join("");
}
