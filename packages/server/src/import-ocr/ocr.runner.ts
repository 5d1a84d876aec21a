/**
 * OCR of a scan for the importer (the IO part; the reading is core's): poppler's `pdftoppm`
 * renders each page of a scanned PDF to a grayscale image — a PNG, JPEG or (multi-page) TIFF
 * image is decoded to one per page by netpbm (`pngtopam`, `jpegtopnm`, `tifftopnm`, then
 * `ppmtopgm` and `pamsplit`) —
 * its ruling lines are painted out (core's eraseRules) so that no table border is read as a
 * letter, and Tesseract with its Vietnamese model (`-l vie`, TSV output: word boxes with confidence)
 * reads them, pages in parallel on the machine's cores; ink its page layout left unread (a lone
 * group number in a table cell) is cut out and read again (core's unreadInk). Missing programs give a clear
 * Vietnamese message. Tesseract and pdftoppm come from the configuration (GIAMSAT_TESSERACT,
 * GIAMSAT_PDFTOPPM; default: found on PATH); netpbm's programs are found on PATH.
 */
import { execFile } from "node:child_process";
import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { availableParallelism, tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import {
  a4Dpi,
  eraseRules,
  inkStrip,
  NotAPlanError,
  readPgm,
  ruleLength,
  unreadInk,
  withStripWords,
  writePgm,
  type Ocr,
  type OcrPage,
  type ScanImageKind,
} from "@giamsat/core";

const run = promisify(execFile);
const DPI = 200;
/** Pages beyond this are not read (it bounds the work one upload can cause). */
const MAX_PAGES = 200;

const MISSING =
  "Không nhận dạng được bản quét: máy chủ chưa cài Tesseract và bộ chữ tiếng Việt (gói tesseract-ocr, tesseract-ocr-vie) hoặc poppler-utils. Hãy cài đặt, hoặc nhập bản Word/PDF có lớp chữ.";

const NO_NETPBM =
  "Không đọc được ảnh quét: máy chủ chưa cài netpbm (gói netpbm) để giải mã ảnh PNG, JPEG, TIFF. Hãy cài đặt, hoặc nhập bản PDF.";

const BROKEN_PDF = "Không đọc được bản quét: tệp PDF bị hỏng hoặc không nhận dạng được.";
const BROKEN_IMAGE = "Không đọc được ảnh quét: tệp ảnh bị hỏng hoặc không nhận dạng được.";

async function tool(
  name: string,
  args: string[],
  cwd: string,
  messages: { missing: string; broken: string } = { missing: MISSING, broken: BROKEN_PDF },
): Promise<Buffer> {
  try {
    const { stdout } = await run(name, args, {
      cwd,
      maxBuffer: 256 * 1024 * 1024,
      encoding: "buffer",
    });
    return stdout;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT")
      throw new NotAPlanError(messages.missing);
    throw new NotAPlanError(messages.broken);
  }
}

const DECODER: Record<ScanImageKind, string> = {
  png: "pngtopam",
  jpeg: "jpegtopnm",
  tiff: "tifftopnm",
};

/**
 * A page image → `page-N.pgm` (8-bit grayscale) in `dir`, one per image of a multi-page TIFF
 * (netpbm writes a stream of images, `pamsplit` cuts it); the resolution taken as an A4 page's
 * from the first.
 */
async function imageToPgm(dir: string, kind: ScanImageKind, file: Uint8Array): Promise<number> {
  const image = { missing: NO_NETPBM, broken: BROKEN_IMAGE };
  await writeFile(path.join(dir, `scan.${kind}`), file);
  const pnm = await tool(DECODER[kind], [`scan.${kind}`], dir, image);
  await writeFile(path.join(dir, "scan.pnm"), pnm);
  const pgm = await tool("ppmtopgm", ["scan.pnm"], dir, image);
  await writeFile(path.join(dir, "scan.pgm"), pgm);
  await tool("pamsplit", ["scan.pgm", "page-%d.pgm"], dir, image);
  const size = /^P5\s+(\d+)\s+(\d+)/.exec(pgm.subarray(0, 40).toString("latin1"));
  if (!size) throw new NotAPlanError(BROKEN_IMAGE);
  return a4Dpi(Number(size[1]), Number(size[2]));
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
export function scanOcr(programs: OcrPrograms, onProgress?: OcrProgress): Ocr {
  const { pdftoppm, tesseract } = programs;
  return async (file, kind): Promise<OcrPage[]> => {
    const dir = await mkdtemp(path.join(tmpdir(), "giamsat-ocr-"));
    try {
      await tool(tesseract, ["--version"], dir);
      let dpi = DPI;
      if (kind === "pdf") {
        await writeFile(path.join(dir, "scan.pdf"), file);
        const range = ["-f", "1", "-l", String(MAX_PAGES)];
        await tool(pdftoppm, ["-r", String(DPI), "-gray", ...range, "scan.pdf", "page"], dir);
      } else {
        dpi = await imageToPgm(dir, kind, file);
      }
      const images = (await readdir(dir)).filter((f) => /^page-\d+\.pgm$/.test(f));
      images.sort((a, b) => Number(/\d+/.exec(a)![0]) - Number(/\d+/.exec(b)![0]));
      images.splice(MAX_PAGES);
      let done = 0;
      return await pool(images, availableParallelism(), async (image) => {
        const page = new Uint8Array(await readFile(path.join(dir, image)));
        const gray = readPgm(page);
        if (!gray) throw new NotAPlanError(kind === "pdf" ? BROKEN_PDF : BROKEN_IMAGE);
        const clean = `clean-${image}`;
        const cleaned = eraseRules(gray, ruleLength(dpi));
        await writeFile(path.join(dir, clean), writePgm(cleaned));
        const read = (file: string, ...mode: string[]) =>
          tool(tesseract, [file, "stdout", "-l", "vie", "--dpi", String(dpi), ...mode, "tsv"], dir);
        let tsv = (await read(clean)).toString("utf8");
        const unread = unreadInk(cleaned, tsv);
        if (unread.length > 0) {
          // what the page layout dropped (a group's lone number), read again as a plain block
          const strip = inkStrip(cleaned, unread);
          await writeFile(path.join(dir, `strip-${image}`), writePgm(strip.image));
          const again = await read(`strip-${image}`, "--psm", "6");
          tsv = withStripWords(tsv, again.toString("utf8"), strip);
        }
        onProgress?.(++done, images.length);
        return { tsv, image: page, dpi };
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  };
}
