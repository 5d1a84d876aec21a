/**
 * The organisation that owns a plan, from its issuer text: `Bộ Công Thương`,
 * `BỘ TRƯỞNG BỘ CÔNG THƯƠNG`, a document number `596/QĐ-BCT` or `17-TB/CQTTBCĐ`.
 * Names of its units are then resolved within that organisation first.
 */
import type { OrgDirectory } from "../../directory/index.js";

/** `/QĐ-BCT`, `/QĐ-BCDCP` (state form) and `17-TB/CQTTBCĐ` (Party form). */
const CODES = [
  /\/\s*[\p{Lu}]{1,4}\s*-\s*([\p{L}&]{2,})/gu,
  /\d+\s*-\s*[\p{Lu}]{1,4}\s*\/\s*([\p{L}&]{2,})/gu,
];

export function resolveOwner(issuerText: string, dir: OrgDirectory): string | null {
  const text = issuerText.normalize("NFC");
  for (const pattern of CODES) {
    for (const match of text.matchAll(pattern)) {
      const found = match[1] ? dir.withAbbreviation(match[1]) : [];
      const [only] = found;
      if (only && found.length === 1) return only.id;
    }
  }
  return dir.mentionedIn(text)?.id ?? null;
}
