/** The importer's public API: entry points, readers, warning catalogue and the normalisers. */
export {
  parsePlanText,
  importDocument,
  importDocumentFile,
  readDocumentFile,
  type LegacyWord,
  type Ocr,
  type OcrPage,
  type ScanKind,
  type ImportOptions,
} from "./import-document.js";
export { a4Dpi, scanImageKind, type ScanImageKind } from "./readers/scan/scan-image.js";
export { readPgm } from "./readers/scan/scan-page.js";
export { PROSE_APPENDIX_TITLE, PROSE_SENTENCE } from "./prose/prose.appendix.js";
export { keepConfirmedProse } from "./prose/prose.confirm.js";
export { eraseRules, writePgm } from "./readers/scan/rule-erase.js";
export { ruleLength } from "./readers/scan/rule-length.js";
export { inkStrip, unreadInk, withStripWords } from "./readers/scan/unread-ink.js";
export { buildResult, type BuildOptions } from "./build-result.js";
export { NotAPlanError } from "./not-a-plan.error.js";
export { DocumentTooLargeError } from "./document-too-large.error.js";
export { READ_LIMITS } from "./readers/read-limits.js";
export { readTextBlocks } from "./readers/text.reader.js";
export { readDocument, type ReadDocument } from "./readers/detect.js";
export { readDocxBlocks } from "./readers/docx.reader.js";
export { readXlsxBlocks } from "./readers/xlsx.reader.js";
export { TABLE_WARNINGS, type TableWarningCode } from "./warning-codes.js";
export { groupWarnings, WARNING_GROUPS, type WarningGroup } from "./warning-groups.js";
export { appendixName, itemPlace } from "./item-place.js";
export {
  parseDeadline,
  type DeadlineContext,
  type DeadlineParse,
} from "./normalise/deadline.parse.js";
export { parseDocumentRefs, sameDocument } from "./normalise/document-ref.parse.js";
export { parseTarget } from "./normalise/target.parse.js";
export { parsePeriod, parseFrequency, type PeriodLabel } from "./normalise/period.parse.js";
export {
  parseOrgs,
  resolveOwner,
  type OrgParse,
  type ResolvedOrgRef,
} from "./normalise/org.parse.js";
export { ORG_WARNINGS, type OrgWarningCode } from "./normalise/org.parse.js";
