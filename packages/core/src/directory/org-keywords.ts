/**
 * Words that open the name of an organisation (`Cục …`, `Sở …`) and words that open a group
 * placeholder (`Các …`, `bộ, ngành …`). The importer splits a cell only before one of these.
 */

/** Unit heads, longest first so that `Tổng cục` wins over `Cục`. Written capitalised. */
export const UNIT_HEADS = [
  "Ủy ban nhân dân",
  "Uỷ ban nhân dân",
  "Hội đồng nhân dân",
  "Bộ Chỉ huy",
  "Thông tấn xã",
  "Tổng công ty",
  "Viện kiểm sát",
  "Văn phòng",
  "Tổng cục",
  "Trung tâm",
  "Học viện",
  "Thanh tra",
  "Ngân hàng",
  "Công an",
  "Tạp chí",
  "Kho bạc",
  "Bảo hiểm",
  "Kiểm toán",
  "Quốc hội",
  "Chính phủ",
  "Thủ tướng",
  "Tập đoàn",
  "Công ty",
  "Đại học",
  "Mặt trận",
  "Hiệp hội",
  "Tòa án",
  "Toà án",
  "Ủy ban",
  "Uỷ ban",
  "Tỉnh ủy",
  "Thành ủy",
  "Đảng ủy",
  "Cơ quan",
  "UBND",
  "HĐND",
  "Trường",
  "Viện",
  "Cục",
  "Vụ",
  "Bộ",
  "Sở",
  "Ban",
  "Báo",
  "Đài",
] as const;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const HEADS = UNIT_HEADS.map(escape).join("|");
const END = "(?=$|[\\s,;:()])";

const UNIT_START = new RegExp(`^(?:${HEADS})${END}`, "u");
const UNIT_START_ANY_CASE = new RegExp(`^(?:${HEADS})${END}`, "iu");
const BARE_HEAD = new RegExp(`^(?:${HEADS})$`, "iu");
const GROUP_START =
  /^(?:các|những|toàn bộ|bộ\s*,?\s*ngành|cơ quan|đơn vị|địa phương|ubnd các|ủy ban nhân dân các)(?=$|[\s,;:])/iu;

const isUpperCase = (text: string) => text === text.toUpperCase() && text !== text.toLowerCase();

/** `Cục Điện lực`, `BỘ CÔNG AN`: the text opens with a unit head. */
export function startsUnit(text: string): boolean {
  return UNIT_START.test(text) || (isUpperCase(text) && UNIT_START_ANY_CASE.test(text));
}

/** `Các đơn vị thuộc Bộ`, `bộ, ngành, địa phương liên quan`: the text opens a group. */
export function startsGroup(text: string): boolean {
  return GROUP_START.test(text);
}

/** The unit head a name opens with (`Cục` for `Cục Điện lực`), or null. */
export function unitHead(name: string): string | null {
  const match = UNIT_START.exec(name);
  return match ? match[0] : null;
}

/** The text is nothing but a unit head (`Cục`): a word doubled or cut at a page break. */
export function isBareHead(text: string): boolean {
  return BARE_HEAD.test(text.trim());
}
