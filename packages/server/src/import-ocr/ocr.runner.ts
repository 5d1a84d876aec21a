/**
 * OCR of a scanned PDF for the importer (the IO part; the reading is core's): poppler's `pdftoppm`
 * renders each page to a grayscale image, Tesseract with its Vietnamese model (`-l vie`, TSV
 * output: word boxes with confidence) reads them, pages in parallel on the machine's cores.
 * Missing programs give a clear Vietnamese message. The programs come from the configuration
 * (GIAMSAT_PDFTOPPM, GIAMSAT_TESSERACT; default: found on PATH).
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { NotAPlanError, type Ocr, type OcrPage } from "@giamsat/core";

const run = promisify(execFile);
const DPI = 200;
/** A scan longer than this is not read (it bounds the work one upload can cause). */
const MAX_PAGES = 200;

const MISSING =
  "Không nhận dạng được bản quét: máy chủ chưa cài Tesseract và bộ chữ tiếng Việt (gói tesseract-ocr, tesseract-ocr-vie) hoặc poppler-utils. Hãy cài đặt, hoặc nhập bản Word/PDF có lớp chữ.";

async function tool(name: string, args: string[], cwd: string): Promise<string> {
  try {
    const { stdout } = await run(name, args, { cwd, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") throw new NotAPlanError(MISSING);
    throw new NotAPlanError("Không đọc được bản quét: tệp PDF bị hỏng hoặc không nhận dạng được.");
  }
}

/** Runs `work` on every item, at most `limit` at a time; results in order. */
async function pool<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

export type OcrProgress = (done: number, total: number) => void;

/** The two programs OCR runs (paths or names found on PATH). */
export type OcrPrograms = { tesseract: string; pdftoppm: string };

/** The OCR step handed to core's importDocumentFile. */
export function pdfOcr(programs: OcrPrograms, onProgress?: OcrProgress): Ocr {
  const { pdftoppm, tesseract } = programs;
  return async (pdf: Uint8Array): Promise<OcrPage[]> => {
    const dir = await mkdtemp(path.join(tmpdir(), "giamsat-ocr-"));
    try {
      await writeFile(path.join(dir, "scan.pdf"), pdf);
      await tool(tesseract, ["--version"], dir);
      const range = ["-f", "1", "-l", String(MAX_PAGES)];
      await tool(pdftoppm, ["-r", String(DPI), "-gray", ...range, "scan.pdf", "page"], dir);
      const images = (await readdir(dir)).filter((f) => /^page-\d+\.pgm$/.test(f));
      images.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
      let done = 0;
      return await pool(images, availableParallelism(), async (image) => {
        const tsv = await tool(
          tesseract,
          [image, "stdout", "-l", "vie", "--dpi", String(DPI), "tsv"],
          dir,
        );
        onProgress?.(++done, images.length);
        return { tsv, image: new Uint8Array(await readFile(path.join(dir, image))), dpi: DPI };
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
