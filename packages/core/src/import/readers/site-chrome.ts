/**
 * What a legal-document website puts around the document (banner, menus, search box, links):
 * dropped before the document's first line. A Vietnamese official document starts with its
 * issuer and the national motto (`CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM`); the blocks before the
 * motto go, except the issuer's own upper-case lines just above it.
 */
import type { Block } from "../blocks.js";
import { fold } from "../../text/fold.js";

const MOTTO = "cong hoa xa hoi chu nghia viet nam";
/** How far into a page the document may start. */
const SEARCH = 600;

/** The motto as a line of its own (a paragraph, or a cell of the layout table at the top). */
const isMotto = (t: string) => t.length <= 120 && fold(t).startsWith(MOTTO);
const hasMotto = (b: Block) =>
  b.type === "table"
    ? b.rows.slice(0, 3).some((r) => r.cells.some((c) => isMotto(c.text)))
    : b.type === "paragraph" && isMotto(b.text);

/** The issuer's lines: upper case and short (`BỘ CÔNG THƯƠNG`), or a rule (`-------`). */
function issuerLine(b: Block): boolean {
  if (b.type !== "paragraph") return false;
  const t = b.text.trim();
  if (/^[-_=*~.]{3,}$/.test(t)) return true;
  return t.length <= 80 && /\p{Lu}/u.test(t) && t === t.toUpperCase();
}

export function dropSiteChrome<T extends Block>(blocks: T[]): T[] {
  const motto = blocks.slice(0, SEARCH).findIndex(hasMotto);
  if (motto <= 0) return blocks;
  let start = motto;
  while (start > 0 && motto - start < 3 && issuerLine(blocks[start - 1]!)) start--;
  return blocks.slice(start);
}
