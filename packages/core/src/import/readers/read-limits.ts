/**
 * How much of a document the readers take on. A plan fits well within these; a runaway or
 * hostile file (one cell in column IU of row 100,000, 20,000 merged ranges, elements nested a
 * million deep) is refused with a DocumentTooLargeError naming what was too large, before the
 * work and memory it would cost. (The server also parses in a worker with time and memory
 * limits, for whatever these do not foresee.)
 */
export const READ_LIMITS = {
  /** rows of a document: its paragraphs and table rows together, every sheet included */
  rows: 50_000,
  /** cells of one table once merged and empty cells are spread out (rows × columns) */
  cells: 500_000,
  /** merged ranges of one sheet */
  merges: 10_000,
  /** how deep XML elements nest */
  depth: 256,
  /** elements of one XML part */
  elements: 2_000_000,
} as const;
