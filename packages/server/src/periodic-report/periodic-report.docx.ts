/**
 * The periodic report as a Word document laid out per Nghị định 30/2020/NĐ-CP: A4 portrait body,
 * Times New Roman, the motto block, justified 14 pt body with a first-line indent, page numbers
 * at the top centre from page 2, and each annex on landscape pages with its header row repeated
 * and column widths fixed in twips (Word and LibreOffice lay them out alike).
 */
import {
  A4,
  FONT,
  formatDate,
  formatShare,
  LAYOUT,
  mmToTwips,
  type Annex,
  type AnnexCell,
  type AnnexColumn,
  type PeriodicReportDoc,
} from "@giamsat/core";
import {
  AlignmentType,
  BorderStyle,
  Document,
  Header,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlign,
  WidthType,
  type ISectionOptions,
} from "docx";

const pt = (points: number) => points * 2; // docx sizes are half-points
const NO_BORDER = { style: BorderStyle.NONE, size: 0, color: "FFFFFF" } as const;
const NO_BORDERS = {
  top: NO_BORDER,
  bottom: NO_BORDER,
  left: NO_BORDER,
  right: NO_BORDER,
  insideHorizontal: NO_BORDER,
  insideVertical: NO_BORDER,
};
const margin = {
  top: mmToTwips(LAYOUT.marginTopMm),
  bottom: mmToTwips(LAYOUT.marginBottomMm),
  left: mmToTwips(LAYOUT.marginLeftMm),
  right: mmToTwips(LAYOUT.marginRightMm),
  header: mmToTwips(10),
  footer: mmToTwips(10),
};
const CONTENT_MM = A4.widthMm - LAYOUT.marginLeftMm - LAYOUT.marginRightMm;

const centred = (text: string, size: number, opts: { bold?: boolean; italics?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text, size: pt(size), ...opts })],
  });

/** A line under the text it follows, about as long as it ("Độc lập - Tự do - Hạnh phúc"). */
const ruled = (text: string, size: number, sideIndentMm: number) =>
  new Paragraph({
    alignment: AlignmentType.CENTER,
    indent: { left: mmToTwips(sideIndentMm), right: mmToTwips(sideIndentMm) },
    border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: "000000", space: 1 } },
    children: [new TextRun({ text, size: pt(size), bold: true })],
  });

/** A borderless two-column block across the page (the header, the signature), widths fixed. */
function twoColumns(left: Paragraph[], right: Paragraph[], leftMm: number): Table {
  const rightMm = CONTENT_MM - leftMm;
  const cell = (children: Paragraph[], mm: number) =>
    new TableCell({ width: { size: mmToTwips(mm), type: WidthType.DXA }, children });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: mmToTwips(CONTENT_MM), type: WidthType.DXA },
    columnWidths: [mmToTwips(leftMm), mmToTwips(rightMm)],
    borders: NO_BORDERS,
    rows: [new TableRow({ children: [cell(left, leftMm), cell(right, rightMm)] })],
  });
}

function headerBlock(doc: PeriodicReportDoc): Table {
  const leftMm = 65;
  const h = doc.header;
  const left = [
    centred(h.agency, LAYOUT.agencyPt, { bold: h.department === null }),
    ...(h.department ? [centred(h.department, LAYOUT.agencyPt, { bold: true })] : []),
    ruled("", 6, 22),
    centred(h.number, LAYOUT.agencyPt),
  ];
  const right = [
    centred(h.motto[0], LAYOUT.mottoPt, { bold: true }),
    ruled(h.motto[1], LAYOUT.motto2Pt, 22),
    new Paragraph({ children: [] }),
    centred(h.placeDate, LAYOUT.motto2Pt, { italics: true }),
  ];
  return twoColumns(left, right, leftMm);
}

const body = (text: string, opts: { bold?: boolean } = {}) =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: mmToTwips(LAYOUT.firstLineIndentCm * 10) },
    spacing: { after: LAYOUT.paragraphSpacingPt * 20 },
    children: [new TextRun({ text, size: pt(LAYOUT.bodyPt), ...opts })],
  });

function signature(doc: PeriodicReportDoc): Table {
  const leftMm = 80;
  const small = (text: string, opts: { bold?: boolean; italics?: boolean } = {}) =>
    new Paragraph({ children: [new TextRun({ text, size: pt(LAYOUT.recipientsPt), ...opts })] });
  const left = [
    small("Nơi nhận:", { bold: true, italics: true }),
    ...doc.recipients.map((r) => small(r)),
  ];
  const right = [
    centred(doc.signature.authority, LAYOUT.bodyPt, { bold: true }),
    centred(doc.signature.title, LAYOUT.bodyPt, { bold: true }),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [] })),
    centred(doc.signature.name || "…", LAYOUT.bodyPt, { bold: true }),
  ];
  return twoColumns(left, right, leftMm);
}

/** An annex cell as text: dates dd/mm/yyyy, shares with a decimal comma. */
export function cellText(value: AnnexCell, column: AnnexColumn): string {
  if (value === null || value === "") return "";
  if (column.kind === "date" && typeof value === "string") return formatDate(value);
  if (column.kind === "percent" && typeof value === "number") return formatShare(value);
  return String(value);
}

function annexTable(annex: Annex): Table {
  const widths = annex.columns.map((c) => mmToTwips(c.widthMm));
  const cell = (text: string, i: number, header: boolean) =>
    new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA },
      verticalAlign: header ? VerticalAlign.CENTER : VerticalAlign.TOP,
      children: [
        new Paragraph({
          alignment:
            header || annex.columns[i]!.kind !== "text" ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [new TextRun({ text, size: pt(LAYOUT.tablePt), bold: header })],
        }),
      ],
    });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: [
      new TableRow({
        tableHeader: true,
        cantSplit: true,
        children: annex.columns.map((c, i) => cell(c.title, i, true)),
      }),
      ...annex.rows.map(
        (row) =>
          new TableRow({
            cantSplit: true,
            children: row.map((v, i) => cell(cellText(v, annex.columns[i]!), i, false)),
          }),
      ),
    ],
  });
}

const pageNumberHeader = () =>
  new Header({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: [PageNumber.CURRENT], size: pt(LAYOUT.bodyPt) })],
      }),
    ],
  });

const page = (orientation: "portrait" | "landscape") => ({
  size: {
    width: mmToTwips(A4.widthMm),
    height: mmToTwips(A4.heightMm),
    orientation: orientation === "portrait" ? PageOrientation.PORTRAIT : PageOrientation.LANDSCAPE,
  },
  margin,
});

function annexSection(annex: Annex, doc: PeriodicReportDoc): ISectionOptions {
  return {
    properties: { page: page("landscape") },
    headers: { default: pageNumberHeader() },
    children: [
      centred(annex.label.toUpperCase(), LAYOUT.titlePt, { bold: true }),
      centred(annex.title, LAYOUT.titlePt, { bold: true }),
      centred(`(Kèm theo Báo cáo ${doc.subtitle.replace(/^Tình hình/, "tình hình")})`, 13, {
        italics: true,
      }),
      new Paragraph({ children: [] }),
      annexTable(annex),
    ],
  };
}

/** The report as .docx bytes. */
export async function renderDocx(doc: PeriodicReportDoc): Promise<Buffer> {
  const main: ISectionOptions = {
    properties: { page: page("portrait"), titlePage: true },
    headers: { default: pageNumberHeader(), first: new Header({ children: [] }) },
    children: [
      headerBlock(doc),
      new Paragraph({ children: [] }),
      centred(doc.title, LAYOUT.titlePt, { bold: true }),
      centred(doc.subtitle, LAYOUT.titlePt, { bold: true }),
      ruled("", 6, 60),
      new Paragraph({ children: [] }),
      ...doc.sections.flatMap((s) => [
        body(s.heading, { bold: true }),
        ...s.paragraphs.map((p) => body(p)),
      ]),
      signature(doc),
    ],
  };
  const document = new Document({
    creator: "Giám sát",
    title: `${doc.title} ${doc.subtitle}`,
    styles: { default: { document: { run: { font: FONT, size: pt(LAYOUT.bodyPt) } } } },
    sections: [main, ...doc.annexes.map((a) => annexSection(a, doc))],
  });
  return Packer.toBuffer(document);
}
