/**
 * The conformance check of a generated PDF through its text and fonts (poppler-utils:
 * pdfinfo, pdffonts, pdftotext): A4 pages, every font embedded and of the Times New Roman
 * family (Liberation Serif is its metric-compatible twin), the motto present, the text NFC so
 * that Vietnamese copies out as typed. Any test can call it.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export type PdfConformance = {
  ok: boolean;
  problems: string[];
  pages: number;
  fonts: { name: string; embedded: boolean }[];
  /** the text as pdftotext copies it out (layout order) */
  text: string;
};

const SERIF = /^(?:[A-Z]{6}\+)?(?:LiberationSerif|TimesNewRoman|Times-?New-?Roman)/i;

export function checkPdfConformance(bytes: Uint8Array): PdfConformance {
  const dir = mkdtempSync(path.join(tmpdir(), "giamsat-pdf-"));
  try {
    const file = path.join(dir, "report.pdf");
    writeFileSync(file, bytes);
    const run = (cmd: string, args: string[]) =>
      execFileSync(cmd, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
    const info = run("pdfinfo", ["-l", "1000", file]);
    const text = run("pdftotext", ["-enc", "UTF-8", file, "-"]);
    const fonts = run("pdffonts", [file])
      .split("\n")
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name type [encoding…] emb sub uni object id: emb is the 5th column from the end
        return { name: cols[0]!, embedded: cols[cols.length - 5] === "yes" };
      });
    const problems: string[] = [];
    const sizes = [...info.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => [
      Number(m[1]),
      Number(m[2]),
    ]);
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1] ?? 0);
    sizes.forEach(([w, h], i) => {
      const [short, long] = [Math.min(w!, h!), Math.max(w!, h!)];
      if (Math.abs(short - 595.28) > 1 || Math.abs(long - 841.89) > 1)
        problems.push(`Trang ${i + 1}: khổ ${w} × ${h} pt, không phải A4.`);
    });
    if (fonts.length === 0) problems.push("PDF không có phông nào.");
    for (const f of fonts) {
      if (!f.embedded) problems.push(`Phông “${f.name}” không được nhúng.`);
      if (!SERIF.test(f.name))
        problems.push(`Phông “${f.name}” không phải Times New Roman hay Liberation Serif.`);
    }
    if (!text.includes("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"))
      problems.push("Không chép ra được quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.");
    if (!text.includes("Độc lập - Tự do - Hạnh phúc"))
      problems.push("Không chép ra được tiêu ngữ.");
    if (text !== text.normalize("NFC")) problems.push("Văn bản chép ra không ở dạng NFC.");
    return { ok: problems.length === 0, problems, pages, fonts, text };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
