/**
 * The PDF reader on generated input: random bytes behind the PDF signature, and a small valid
 * PDF (text and ruling lines) with random bytes changed or cut off. importDocumentFile returns a
 * result or throws NotAPlanError, and never emits a tag.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { importDocumentFile } from "../../import-document.js";
import { NotAPlanError } from "../../not-a-plan.error.js";

/** Node's own built-ins, taken before pdf.js is loaded (it is loaded on the first PDF read). */
const NATIVE = { push: Array.prototype.push, parse: JSON.parse };

/** A one-page PDF: a ruled two-column table with a header and a row. */
function smallPdf(): Uint8Array {
  const content = [
    "0 0 0 RG 1 w",
    "50 700 m 550 700 l S 50 670 m 550 670 l S 50 640 m 550 640 l S",
    "50 640 m 50 700 l S 100 640 m 100 700 l S 550 640 m 550 700 l S",
    "BT /F1 11 Tf 55 680 Td (STT) Tj 50 0 Td (Ten nhiem vu) Tj ET",
    "BT /F1 11 Tf 55 650 Td (1.) Tj 50 0 Td (Xay dung de an chuyen doi so nam 2026) Tj ET",
  ].join("\n");
  const objects = [
    "<< /Type /Catalog /Pages 2 0 R >>",
    "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
  ];
  let pdf = "%PDF-1.4\n";
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, "0")} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(pdf);
}

const strings = (v: unknown): string[] =>
  typeof v === "string" ? [v] : v && typeof v === "object" ? Object.values(v).flatMap(strings) : [];

async function importsOrRefuses(bytes: Uint8Array): Promise<void> {
  try {
    const result = await importDocumentFile(bytes);
    expect(strings(result).find((s) => /<\/?[a-z]+\b[^>]*>/i.test(s))).toBeUndefined();
  } catch (error) {
    if (!(error instanceof NotAPlanError)) throw error;
  }
}

describe("PDF reader robustness (generated inputs)", () => {
  it("reads the small PDF's table (lines drawn as strokes, not rectangles)", async () => {
    const r = await importDocumentFile(smallPdf());
    expect(r.appendices[0]?.tasks.map((t) => [t.number, t.name])).toEqual([
      ["1", "Xay dung de an chuyen doi so nam 2026"],
    ]);
  });

  it("leaves Node's own Array.prototype.push and JSON.parse (pdf.js's legacy polyfills replace them)", async () => {
    await importDocumentFile(smallPdf());
    expect(Array.prototype.push).toBe(NATIVE.push);
    expect(JSON.parse).toBe(NATIVE.parse);
  });

  it("random bytes behind the PDF signature, and a PDF changed or cut at random (300)", async () => {
    const base = smallPdf();
    const changed = fc
      .tuple(
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 8 }),
        fc.nat(),
      )
      .map(([flips, cut]) => {
        const bytes = base.slice(0, base.length - (cut % 40));
        for (const [at, value] of flips) bytes[at % bytes.length] = value;
        return bytes;
      });
    const random = fc
      .uint8Array({ maxLength: 2000 })
      .map((rest) => new Uint8Array([...new TextEncoder().encode("%PDF-1.7\n"), ...rest]));
    await fc.assert(fc.asyncProperty(fc.oneof(changed, random), importsOrRefuses), {
      numRuns: 300,
    });
  }, 120_000);
});
