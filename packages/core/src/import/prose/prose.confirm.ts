import type { ImportResult } from "../contract.js";
import { PROSE_APPENDIX_TITLE } from "./prose.appendix.js";

/**
 * The result as it may be stored: of the tasks read from prose, only those the monitoring
 * department confirmed (by their position in the preview's list, from 0: a paragraph may assign
 * several); the others go, with the warnings of lines where no confirmed task is left.
 */
export function keepConfirmedProse(
  result: ImportResult,
  positions: ReadonlySet<number>,
): ImportResult {
  const prose = result.appendices.find((a) => a.title === PROSE_APPENDIX_TITLE);
  if (!prose) return result;
  const kept = prose.tasks.filter((_, i) => positions.has(i));
  const keptLines = new Set(kept.map((t) => t.line));
  const dropped = new Set(prose.tasks.map((t) => t.line).filter((l) => !keptLines.has(l)));
  return {
    ...result,
    appendices: result.appendices.flatMap((a) =>
      a !== prose ? [a] : kept.length > 0 ? [{ ...a, tasks: kept }] : [],
    ),
    warnings: result.warnings.filter((w) => w.line === null || !dropped.has(w.line)),
  };
}
