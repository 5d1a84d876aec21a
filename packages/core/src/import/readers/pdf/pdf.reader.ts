/**
 * PDF with a text layer → blocks, with pdf.js (legacy build, runs on Node 20): each page's glyph
 * runs (text, position, size, bold from the font's name) and its ruling lines (rectangles and
 * line segments drawn by the page, through the current transformation) go to page-layout.ts.
 * Pure: bytes in, blocks out; no file, no network, no font loading. A PDF with (almost) no text
 * is a scan: `textChars` tells the caller so.
 */
import type * as PdfJsModule from "pdfjs-dist/legacy/build/pdf.mjs";
import type { Block } from "../../blocks.js";
import { NotAPlanError } from "../../not-a-plan.error.js";
import { layoutPage, type PageContent, type Rule, type Word } from "./page-layout.js";

type Matrix = [number, number, number, number, number, number];
type PdfJs = typeof PdfJsModule;
type PdfPage = Awaited<ReturnType<Awaited<ReturnType<PdfJs["getDocument"]>["promise"]>["getPage"]>>;

/** A document larger than this many pages is not read (it bounds the work on hostile input). */
const MAX_PAGES = 500;

const multiply = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [
  m[0] * x + m[2] * y + m[4],
  m[1] * x + m[3] * y + m[5],
];

/** Ruling lines: thin filled or stroked rectangles, and straight stroked segments (not clips). */
async function pageRules(pdfjs: PdfJs, page: PdfPage): Promise<Rule[]> {
  const { OPS } = pdfjs;
  const list = await page.getOperatorList();
  const rules: Rule[] = [];
  // A path that is filled or stroked; a clipping path draws nothing.
  const painted = new Set<number>([
    OPS.fill,
    OPS.eoFill,
    OPS.stroke,
    OPS.closeStroke,
    OPS.fillStroke,
    OPS.eoFillStroke,
    OPS.closeFillStroke,
    OPS.closeEOFillStroke,
  ]);
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  const add = (ax: number, ay: number, bx: number, by: number) => {
    const [x0, y0] = apply(ctm, ax, ay);
    const [x1, y1] = apply(ctm, bx, by);
    rules.push({
      x0: Math.min(x0, x1),
      x1: Math.max(x0, x1),
      y0: Math.min(y0, y1),
      y1: Math.max(y0, y1),
    });
  };
  for (let i = 0; i < list.fnArray.length && rules.length < 20000; i++) {
    const fn = list.fnArray[i];
    const args = list.argsArray[i] as unknown[];
    if (fn === OPS.save) stack.push(ctm);
    else if (fn === OPS.restore) ctm = stack.pop() ?? ctm;
    else if (fn === OPS.transform) ctm = multiply(ctm, args as Matrix);
    else if (fn === OPS.constructPath && painted.has(list.fnArray[i + 1] ?? -1)) {
      const ops = args[0] as number[];
      const coords = args[1] as number[];
      let k = 0;
      let at: [number, number] = [0, 0];
      for (const op of ops) {
        if (op === OPS.rectangle) {
          const [x, y, w, h] = coords.slice(k, k + 4) as [number, number, number, number];
          k += 4;
          // A thin rectangle is a line: its middle along the thin side.
          const [a, b] = apply(ctm, x, y);
          const [c, d] = apply(ctm, x + w, y + h);
          const width = Math.abs(c - a);
          const height = Math.abs(d - b);
          if (height <= 2.5 && width > height) add(x, y + h / 2, x + w, y + h / 2);
          else if (width <= 2.5 && height > width) add(x + w / 2, y, x + w / 2, y + h);
          else {
            // A cell's border drawn as a rectangle: its four sides.
            add(x, y, x + w, y);
            add(x, y + h, x + w, y + h);
            add(x, y, x, y + h);
            add(x + w, y, x + w, y + h);
          }
        } else if (op === OPS.moveTo) {
          at = [coords[k]!, coords[k + 1]!];
          k += 2;
        } else if (op === OPS.lineTo) {
          const to: [number, number] = [coords[k]!, coords[k + 1]!];
          k += 2;
          if (Math.abs(to[0] - at[0]) < 0.01 || Math.abs(to[1] - at[1]) < 0.01)
            add(at[0], at[1], to[0], to[1]);
          at = to;
        } else if (op === OPS.curveTo) k += 6;
        else if (op === OPS.curveTo2 || op === OPS.curveTo3) k += 4;
      }
    }
  }
  return rules;
}

async function pageWords(page: PdfPage): Promise<Word[]> {
  const content = await page.getTextContent();
  const bold = new Map<string, boolean>();
  const isBold = (font: string) => {
    let b = bold.get(font);
    if (b === undefined) {
      let name = "";
      try {
        name = String((page.commonObjs.get(font) as { name?: string } | null)?.name ?? "");
      } catch {
        name = "";
      }
      b = /bold|black|heavy|semibold|demi/i.test(name);
      bold.set(font, b);
    }
    return b;
  };
  const words: Word[] = [];
  for (const item of content.items) {
    if (!("str" in item) || item.str.trim() === "") continue;
    const [a, b, , d, e, f] = item.transform as Matrix;
    const size = Math.hypot(a, b) || Math.abs(d) || item.height;
    words.push({
      text: item.str.normalize("NFC"),
      x0: e,
      x1: e + item.width,
      y: f,
      size,
      bold: isBold(item.fontName),
    });
  }
  return words;
}

export type PdfText = { blocks: Block[]; pages: number; textChars: number };

let loading: Promise<PdfJs> | null = null;

/**
 * pdf.js's legacy build (the one that runs on Node 20) brings core-js polyfills that replace two
 * built-ins Node 20 already has, `Array.prototype.push` and `JSON.parse`, with slower JavaScript
 * versions, for the whole process — for corners of the standard pdf.js does not use (pushing
 * onto an array whose length is read-only, the source text in JSON.parse's reviver). Both are
 * put back once pdf.js and its worker module (run in this thread) are loaded: about a third of
 * the time spent reading a PDF (bench/import.mjs).
 */
function loadPdfJs(): Promise<PdfJs> {
  loading ??= (async () => {
    const push = Object.getOwnPropertyDescriptor(Array.prototype, "push")!;
    const parse = Object.getOwnPropertyDescriptor(JSON, "parse")!;
    const pdfjs = await import("pdfjs-dist/legacy/build/pdf.mjs");
    // Loaded now, so that pdf.js finds it (globalThis.pdfjsWorker) instead of loading it later.
    await import("pdfjs-dist/legacy/build/pdf.worker.mjs");
    Object.defineProperty(Array.prototype, "push", push);
    Object.defineProperty(JSON, "parse", parse);
    return pdfjs;
  })();
  return loading;
}

export async function readPdfBlocks(bytes: Uint8Array): Promise<PdfText> {
  const pdfjs = await loadPdfJs();
  let doc;
  try {
    doc = await pdfjs.getDocument({
      data: bytes.slice(),
      isEvalSupported: false,
      disableFontFace: true,
      useSystemFonts: false,
      stopAtErrors: false,
      verbosity: 0,
    }).promise;
  } catch (error) {
    const message =
      error instanceof Error && /password/i.test(error.message)
        ? "Tệp PDF có mật khẩu: hãy mở khóa rồi nhập lại."
        : "Tệp PDF bị hỏng, không đọc được.";
    throw new NotAPlanError(message);
  }
  try {
    const blocks: Block[] = [];
    let line = 1;
    let textChars = 0;
    const pages = Math.min(doc.numPages, MAX_PAGES);
    for (let n = 1; n <= pages; n++) {
      const page = await doc.getPage(n);
      const view = page.view;
      const words = await pageWords(page);
      textChars += words.reduce((s, w) => s + w.text.length, 0);
      const content: PageContent = {
        width: view[2]! - view[0]!,
        height: view[3]! - view[1]!,
        words,
        // A page without text (a scan) has nothing to lay out: its images are not decoded.
        rules: words.length > 0 ? await pageRules(pdfjs, page) : [],
      };
      const laid = layoutPage(content, line);
      blocks.push(...laid.blocks);
      line = laid.next;
      page.cleanup();
    }
    return { blocks, pages, textChars };
  } catch (error) {
    if (error instanceof NotAPlanError) throw error;
    throw new NotAPlanError("Tệp PDF bị hỏng, không đọc được hết các trang.");
  } finally {
    await doc.destroy();
  }
}
