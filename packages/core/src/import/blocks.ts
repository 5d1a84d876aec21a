/**
 * What every reader (converted text, Markdown, .docx, .xlsx) produces and the table model
 * consumes: the document as a sequence of paragraphs, footnote bodies and table rows.
 * Text in blocks is plain text: tags stripped, NFC, non-breaking spaces turned into spaces,
 * paragraph breaks inside a cell kept as "\n".
 */

/** One table cell. `bold` / `italic`: the whole (non-empty) text is bold / italic. */
export type Cell = {
  text: string;
  bold: boolean;
  italic: boolean;
  /** Footnote markers found in the cell (`<sup>3</sup>`, a Word footnote reference): ["3"]. */
  footnotes: string[];
};

export type Row = {
  cells: Cell[];
  /** 1-based line of the source text, or row number of a sheet, where the row starts. */
  line: number;
};

export type Block =
  | { type: "paragraph"; text: string; bold: boolean; line: number }
  | { type: "footnote"; marker: string; text: string; line: number }
  | { type: "table"; rows: Row[]; sheet?: string };

export type SourceFormat =
  "text" | "markdown" | "docx" | "doc" | "xlsx" | "html" | "web-text" | "pdf" | "image";
