/**
 * Column roles recognised by header TEXT (never by position), by the words it is made of: headers
 * are compared folded (lower case, no diacritics) with punctuation read as a space, so `Cơ quan
 * chủ trì`, `CƠ QUAN CHỦ TRÌ`, `Cơ quan, đơn vị chủ trì`, `Cơ quan/đơn vị chủ trì` and `(chủ trì)`
 * (under a spanning `Đơn vị`) agree.
 */
import { fold } from "../../text/fold.js";

export type ColumnRole =
  | "number"
  | "refNumber"
  | "name"
  | "basis"
  | "leader"
  | "lead"
  | "coordinators"
  | "output"
  | "deadline"
  | "unit"
  | "frequency"
  | "extra";

/** `Cơ quan`, `Cơ quan, đơn vị`, `Cơ quan và đơn vị`, `Đơn vị, tổ chức` before `chủ trì` / `phối hợp`. */
const BODIES = String.raw`(?:(?:co quan|don vi|bo phan|to chuc|so|cuc|vu|ban)\s+(?:(?:va|hoac)\s+)?)*`;

/** Checked in order: the first rule whose pattern matches the folded header wins. */
const RULES: [ColumnRole, RegExp][] = [
  // Project templates in English (WBS / Task / Task owner / Due …).
  ["number", /^(?:wbs|no|#|id)$/],
  ["name", /^(?:task|task name|activity|work item)$/],
  ["lead", /^(?:task owner|owner|responsible|assigned to|lead)$/],
  ["coordinators", /^(?:support|supporting units?|contributors?)$/],
  ["output", /^(?:deliverables?|output)$/],
  ["deadline", /^(?:due|due date|finish|end date|deadline)$/],
  ["refNumber", /^(?:s?tt|so tt|so thu tu|ma)\s+(?:trong|theo|tai|cua)\b|^ma nhiem vu\b/],
  ["number", /^(?:s?tt|so tt|so thu tu|thu tu|so)$/],
  ["basis", /^(?:nv|nhiem vu) theo\b/],
  ["name", /^(?:ten\s+)?chi tieu\b/],
  [
    "name",
    /^(?:ten\s+|noi dung\s+)?(?:nhiem vu|cong viec|hoat dong|de an|du an)\b|^noi dung\b|^ten\b/,
  ],
  [
    "basis",
    /^(?:van ban|can cu|nguon|co so)\b.*\b(?:giao|nguon|phap ly|ban hanh)\b|^can cu\b|^van ban nguon\b|^nv theo\b|^nhiem vu theo\b/,
  ],
  ["leader", /^lanh dao\b/],
  ["lead", new RegExp(`^${BODIES}(?:chu tri|thuc hien|dau moi)\\b`)],
  ["coordinators", new RegExp(`^${BODIES}phoi hop\\b`)],
  ["output", /^ket qua (?:hien nay|thuc hien den)\b/], // → extra below
  [
    "output",
    /^(?:ket qua|san pham|yeu cau (?:dat duoc|ket qua)|muc tieu|gia tri muc tieu|chi so muc tieu)\b/,
  ],
  [
    "deadline",
    /^(?:thoi han|thoi gian|hoan thanh|ket thuc|han hoan thanh|moc thoi gian|tien do hoan thanh)\b/,
  ],
  ["unit", /^(?:don vi tinh|don vi do|dvt|don vi)$/],
  ["frequency", /^(?:ky bao cao|tan suat|dinh ky)\b/],
];

const KEEP_AS_EXTRA =
  /^(?:ket qua hien nay|ket qua thuc hien den|tien do|ghi chu|nguon kinh phi|kinh phi|start|start date|% ?complete|status|notes?)$|^(?:ket qua hien nay|ket qua thuc hien den|tien do|ghi chu|nguon kinh phi|kinh phi)\b/;

/**
 * Header texts seen lately → their keys: every row near a table's top is tried as a header, and
 * the same short texts (`STT`, `1`, `Bộ Công Thương`) come back on every page. Bounded.
 */
const recentKeys = new Map<string, string>();
const RECENT_LIMIT = 2000;
const CACHED_LENGTH = 200;

/** Folded header text without footnote numbers, `(1)` column numbers or punctuation. */
export function headerKey(text: string): string {
  let key = recentKeys.get(text);
  if (key !== undefined) return key;
  key = fold(text)
    .replace(/\(\s*\d+\s*\)/g, " ")
    .replace(/[.:;*,/\\()[\]"“”'‘’_–—-]+/g, " ")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= CACHED_LENGTH) {
    if (recentKeys.size >= RECENT_LIMIT) recentKeys.clear();
    recentKeys.set(text, key);
  }
  return key;
}

export function roleOf(text: string): ColumnRole | null {
  const key = headerKey(text);
  if (key === "") return null;
  if (KEEP_AS_EXTRA.test(key)) return "extra";
  for (const [role, re] of RULES) if (re.test(key)) return role;
  return null;
}
