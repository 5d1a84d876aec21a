/**
 * The periodic report as PDF, drawn from the same model and layout values as the .docx: A4,
 * the same margins and sizes, Liberation Serif (metric-compatible with Times New Roman, Debian
 * package fonts-liberation2, with the Vietnamese letters fonts-liberation 1.x lacks) embedded, page numbers at the top centre from page 2, annexes on
 * landscape pages with the header row repeated. pdfmake was chosen over Typst by measurement
 * (bench/results/periodic-report.json, README "Benchmarks").
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { A4, LAYOUT, type Annex, type PeriodicReportDoc } from "@giamsat/core";
import pdfmake from "pdfmake";
import type { Content, TDocumentDefinitions } from "pdfmake/interfaces.js";
import { cellText } from "./periodic-report.docx.js";

/** Where Debian's fonts-liberation2 puts Liberation Serif 2.x (Vietnamese included). */
export const FONT_DIR = "/usr/share/fonts/truetype/liberation2";
const FONT_FILES = {
  normal: "LiberationSerif-Regular.ttf",
  bold: "LiberationSerif-Bold.ttf",
  italics: "LiberationSerif-Italic.ttf",
  bolditalics: "LiberationSerif-BoldItalic.ttf",
};

const MM = 72 / 25.4;
const mm = (v: number) => v * MM;
const CONTENT_MM = A4.widthMm - LAYOUT.marginLeftMm - LAYOUT.marginRightMm;

let fontsReady = false;
function useFonts(): void {
  if (fontsReady) return;
  const files = Object.fromEntries(
    Object.entries(FONT_FILES).map(([style, file]) => [style, path.join(FONT_DIR, file)]),
  ) as typeof FONT_FILES;
  const missing = Object.values(files).filter((f) => !existsSync(f));
  if (missing.length) {
    throw new Error(
      `Thiếu phông Liberation Serif (${missing.join(", ")}): cài gói Debian fonts-liberation2.`,
    );
  }
  pdfmake.setFonts({ LiberationSerif: files });
  pdfmake.setUrlAccessPolicy(() => false);
  pdfmake.setLocalAccessPolicy((file) => path.dirname(path.resolve(file)) === FONT_DIR);
  fontsReady = true;
}

/**
 * A rule line `widthMm` long centred in a column `columnMm` wide. Its stack must not be centred
 * (pdfmake would shift the canvas again): the texts around it are centred one by one.
 */
const rule = (widthMm: number, columnMm: number): Content => ({
  canvas: [
    {
      type: "line",
      x1: mm((columnMm - widthMm) / 2),
      y1: 0,
      x2: mm((columnMm + widthMm) / 2),
      y2: 0,
      lineWidth: 0.5,
    },
  ],
  margin: [0, 1, 0, 3],
});

function headerBlock(doc: PeriodicReportDoc): Content {
  const leftMm = 65;
  const rightMm = CONTENT_MM - leftMm;
  const h = doc.header;
  return {
    columns: [
      {
        width: mm(leftMm),
        fontSize: LAYOUT.agencyPt,
        stack: [
          { text: h.agency, bold: h.department === null, alignment: "center" },
          ...(h.department
            ? [{ text: h.department, bold: true, alignment: "center" as const }]
            : []),
          rule(20, leftMm),
          { text: h.number, alignment: "center" },
        ],
      },
      {
        width: mm(rightMm),
        stack: [
          { text: h.motto[0], bold: true, fontSize: LAYOUT.mottoPt, alignment: "center" },
          { text: h.motto[1], bold: true, fontSize: LAYOUT.motto2Pt, alignment: "center" },
          rule(55, rightMm),
          {
            text: h.placeDate,
            italics: true,
            fontSize: LAYOUT.motto2Pt,
            alignment: "center",
            margin: [0, 4, 0, 0],
          },
        ],
      },
    ],
  };
}

const body = (text: string, bold = false): Content => ({
  text,
  bold,
  alignment: "justify",
  leadingIndent: mm(LAYOUT.firstLineIndentCm * 10),
  margin: [0, 0, 0, LAYOUT.paragraphSpacingPt],
});

function signature(doc: PeriodicReportDoc): Content {
  return {
    margin: [0, 12, 0, 0],
    unbreakable: true,
    columns: [
      {
        width: mm(80),
        fontSize: LAYOUT.recipientsPt,
        stack: [{ text: "Nơi nhận:", bold: true, italics: true }, ...doc.recipients],
      },
      {
        width: "*",
        alignment: "center",
        bold: true,
        stack: [
          doc.signature.authority,
          doc.signature.title,
          { text: doc.signature.name || "…", margin: [0, 60, 0, 0] },
        ],
      },
    ],
  };
}

function annexContent(annex: Annex, doc: PeriodicReportDoc): Content {
  const header = annex.columns.map((c) => ({ text: c.title, bold: true, alignment: "center" }));
  const rows = annex.rows.map((row) =>
    row.map((v, i) => ({
      text: cellText(v, annex.columns[i]!),
      alignment: annex.columns[i]!.kind === "text" ? "left" : "center",
    })),
  );
  return {
    pageBreak: "before",
    pageOrientation: "landscape",
    stack: [
      {
        text: annex.label.toUpperCase(),
        bold: true,
        alignment: "center",
        fontSize: LAYOUT.titlePt,
      },
      { text: annex.title, bold: true, alignment: "center", fontSize: LAYOUT.titlePt },
      {
        text: `(Kèm theo Báo cáo ${doc.subtitle.replace(/^Tình hình/, "tình hình")})`,
        italics: true,
        alignment: "center",
        fontSize: 13,
        margin: [0, 0, 0, 8],
      },
      {
        fontSize: LAYOUT.tablePt,
        table: {
          headerRows: 1,
          dontBreakRows: true,
          widths: annex.columns.map((c) => mm(c.widthMm) - 8.5),
          body: [header, ...rows] as Content[][],
        },
      },
    ],
  } as Content;
}

/** The report as PDF bytes. */
export async function renderPdf(doc: PeriodicReportDoc): Promise<Buffer> {
  useFonts();
  const definition: TDocumentDefinitions = {
    info: { title: `${doc.title} ${doc.subtitle}`, creator: "Giám sát" },
    pageSize: "A4",
    pageOrientation: "portrait",
    pageMargins: [
      mm(LAYOUT.marginLeftMm),
      mm(LAYOUT.marginTopMm),
      mm(LAYOUT.marginRightMm),
      mm(LAYOUT.marginBottomMm),
    ],
    defaultStyle: { font: "LiberationSerif", fontSize: LAYOUT.bodyPt },
    header: (page) =>
      page > 1
        ? {
            text: String(page),
            alignment: "center",
            margin: [0, mm(10), 0, 0],
            fontSize: LAYOUT.bodyPt,
          }
        : null,
    content: [
      headerBlock(doc),
      { text: doc.title, bold: true, alignment: "center", margin: [0, 14, 0, 0] },
      { text: doc.subtitle, bold: true, alignment: "center" },
      rule(40, CONTENT_MM),
      { text: "", margin: [0, 0, 0, 6] },
      ...doc.sections.flatMap((s) => [body(s.heading, true), ...s.paragraphs.map((p) => body(p))]),
      signature(doc),
      ...doc.annexes.map((a) => annexContent(a, doc)),
    ],
  };
  return pdfmake.createPdf(definition).getBuffer();
}
