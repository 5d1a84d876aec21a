/**
 * The administrative document layout of Nghị định 30/2020/NĐ-CP (Phụ lục I) that the periodic
 * report follows: the ranges the rules allow, and the values the renderers pick within them.
 */

/** A4 in millimetres. */
export const A4 = { widthMm: 210, heightMm: 297 } as const;

export type Range = { min: number; max: number };

/** What the decree allows (millimetres, points). */
export const LAYOUT_RULES = {
  marginTopMm: { min: 20, max: 25 },
  marginBottomMm: { min: 20, max: 25 },
  marginLeftMm: { min: 30, max: 35 },
  marginRightMm: { min: 15, max: 20 },
  /** "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": bold capitals */
  mottoPt: { min: 12, max: 13 },
  /** "Độc lập - Tự do - Hạnh phúc": bold, with its rule line */
  motto2Pt: { min: 13, max: 14 },
  bodyPt: { min: 13, max: 14 },
  firstLineIndentCm: { min: 1, max: 1.27 },
  paragraphSpacingPt: { min: 6, max: Infinity },
  /** annex tables: smaller type is the practice for wide tables */
  tablePt: { min: 10, max: 13 },
} satisfies Record<string, Range>;

export const FONT = "Times New Roman";

/** The values the renderers use, inside LAYOUT_RULES. */
export const LAYOUT = {
  marginTopMm: 20,
  marginBottomMm: 20,
  marginLeftMm: 30,
  marginRightMm: 15,
  mottoPt: 13,
  motto2Pt: 14,
  agencyPt: 13,
  titlePt: 14,
  bodyPt: 14,
  firstLineIndentCm: 1,
  paragraphSpacingPt: 6,
  tablePt: 11,
  recipientsPt: 11,
} as const;

export const mmToTwips = (mm: number): number => Math.round((mm * 1440) / 25.4);
export const twipsToMm = (twips: number): number => (twips * 25.4) / 1440;
export const within = (value: number, r: Range, slack = 0): boolean =>
  value >= r.min - slack && value <= r.max + slack;
