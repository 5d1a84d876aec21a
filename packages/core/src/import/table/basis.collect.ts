/** A row's assigning documents: its basis column, its footnotes, and footnotes that name its number. */
import type { DocumentRef } from "../contract.js";
import type { ImportContext } from "../import-context.js";
import { basisText } from "../footnotes.js";
import type { Footnote } from "../sections.split.js";
import type { LogicalRow } from "./rows.merge.js";

export function collectBasis(
  ctx: ImportContext,
  row: LogicalRow,
  basisCell: string,
  covering: Footnote[],
): DocumentRef[] {
  const refs: DocumentRef[] = basisCell === "" ? [] : [...ctx.refs(basisCell)];
  const notes: Footnote[] = [];
  for (const marker of row.footnotes) {
    const note = ctx.footnotes.body(marker, row.line);
    if (note) notes.push(note);
    else ctx.warn("footnote_missing", row.line, `Không tìm thấy nội dung chú thích số ${marker}.`);
  }
  for (const note of [...notes, ...covering]) refs.push(...ctx.refs(basisText(note.text)));
  const seen = new Set<string>();
  return refs.filter((r) => {
    const key = r.key ?? r.raw;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
