/**
 * The conformance check of a generated .docx against the layout of Nghị định 30/2020/NĐ-CP
 * (LAYOUT_RULES): page size and margins of every section, Times New Roman everywhere, the motto's
 * sizes and rule line, the body's size, justification, first-line indent and spacing, the annex
 * tables' size, fixed layout and repeated header rows, page numbers from page 2. Pure: bytes in,
 * findings out; any test can call it.
 */
import { strFromU8, unzipSync } from "fflate";
import { A4, FONT, LAYOUT_RULES, twipsToMm, within, type Range } from "./report-layout.js";

export type DocxSectionFacts = {
  widthMm: number;
  heightMm: number;
  orientation: "portrait" | "landscape";
  margins: { top: number; bottom: number; left: number; right: number };
};

export type DocxConformance = {
  ok: boolean;
  /** one Vietnamese sentence per rule broken */
  problems: string[];
  sections: DocxSectionFacts[];
  fonts: string[];
  mottoPt: number[];
  bodyPt: number[];
  tablePt: number[];
  /** tables whose first row repeats on every page (the annexes) */
  annexTables: { rows: number; fixed: boolean; widthsTwips: number[] }[];
  /** the document's text, paragraph by paragraph */
  paragraphs: string[];
};

const attr = (xml: string, tag: string, name: string): string | null => {
  const m = new RegExp(`<${tag}\\b[^>]*\\b${name}="([^"]*)"`).exec(xml);
  return m ? m[1]! : null;
};
const num = (xml: string, tag: string, name: string): number | null => {
  const v = attr(xml, tag, name);
  return v === null ? null : Number(v);
};
const decode = (s: string) =>
  s
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
const textOf = (p: string) =>
  decode([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(""));
const mm = (twips: number | null) => Math.round(twipsToMm(twips ?? 0) * 10) / 10;

/** Sizes (pt) the runs of a paragraph are set in; a run without one uses the default. */
function runSizes(p: string, defaultPt: number): number[] {
  const runs = [...p.matchAll(/<w:r>([\s\S]*?)<\/w:r>|<w:r\s[^>]*>([\s\S]*?)<\/w:r>/g)];
  return runs
    .filter((r) => /<w:t[\s>]|<w:fldChar|<w:instrText/.test(r[0]))
    .map((r) => {
      const sz = num(r[0], "w:sz", "w:val");
      return sz === null ? defaultPt : sz / 2;
    });
}

const isBold = (p: string) =>
  /<w:r[\s>][\s\S]*?<w:b\/>|<w:r[\s>][\s\S]*?<w:b w:val="(?:true|1|on)"\/>/.test(p);

export function checkDocxConformance(bytes: Uint8Array): DocxConformance {
  const files = unzipSync(bytes);
  const read = (name: string) => (files[name] ? strFromU8(files[name]!) : "");
  const document = read("word/document.xml");
  const styles = read("word/styles.xml");
  const problems: string[] = [];
  const need = (cond: boolean, message: string) => {
    if (!cond) problems.push(message);
  };
  const inRange = (value: number, r: Range, what: string, unit: string) =>
    need(
      within(value, r, 0.05),
      `${what} là ${value} ${unit}, phải từ ${r.min} đến ${r.max} ${unit}.`,
    );

  // Pages: every section A4, margins within the rules.
  const sectPrs = [...document.matchAll(/<w:sectPr\b[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
  const sections = sectPrs.map((s): DocxSectionFacts => {
    const w = mm(num(s, "w:pgSz", "w:w"));
    const h = mm(num(s, "w:pgSz", "w:h"));
    return {
      widthMm: w,
      heightMm: h,
      orientation: w > h ? "landscape" : "portrait",
      margins: {
        top: mm(num(s, "w:pgMar", "w:top")),
        bottom: mm(num(s, "w:pgMar", "w:bottom")),
        left: mm(num(s, "w:pgMar", "w:left")),
        right: mm(num(s, "w:pgMar", "w:right")),
      },
    };
  });
  need(sections.length > 0, "Văn bản không có thông số trang (sectPr).");
  sections.forEach((s, i) => {
    const name = `Phần ${i + 1} (${s.orientation === "portrait" ? "khổ dọc" : "khổ ngang"})`;
    const [short, long] = [Math.min(s.widthMm, s.heightMm), Math.max(s.widthMm, s.heightMm)];
    need(
      Math.abs(short - A4.widthMm) < 0.5 && Math.abs(long - A4.heightMm) < 0.5,
      `${name}: khổ giấy ${s.widthMm} × ${s.heightMm} mm, không phải A4.`,
    );
    inRange(s.margins.top, LAYOUT_RULES.marginTopMm, `${name}: lề trên`, "mm");
    inRange(s.margins.bottom, LAYOUT_RULES.marginBottomMm, `${name}: lề dưới`, "mm");
    inRange(s.margins.left, LAYOUT_RULES.marginLeftMm, `${name}: lề trái`, "mm");
    inRange(s.margins.right, LAYOUT_RULES.marginRightMm, `${name}: lề phải`, "mm");
  });
  need(sections[0]?.orientation === "portrait", "Phần đầu của báo cáo phải là khổ dọc.");

  // Fonts: the default and every font a run names.
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? "";
  const defaultPt = (num(defaults, "w:sz", "w:val") ?? 22) / 2;
  const headers = Object.keys(files).filter((n) => /^word\/header\d*\.xml$/.test(n));
  const fonts = new Set<string>();
  for (const xml of [defaults, document, ...headers.map(read)]) {
    for (const m of xml.matchAll(/<w:rFonts\b([^>]*)\/>/g)) {
      for (const a of m[1]!.matchAll(/w:(ascii|hAnsi|cs|eastAsia)="([^"]*)"/g)) fonts.add(a[2]!);
      if (/Theme=/.test(m[1]!)) fonts.add("(phông theo chủ đề)");
    }
  }
  need(attr(defaults, "w:rFonts", "w:ascii") === FONT, `Phông mặc định phải là ${FONT}.`);
  for (const f of fonts) need(f === FONT, `Văn bản dùng phông “${f}”, chỉ được dùng ${FONT}.`);

  // Paragraphs, told apart by where they are: annex tables, other tables, the body.
  const tables = [...document.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => ({
    start: m.index,
    end: m.index + m[0].length,
    xml: m[0],
  }));
  const annexRanges = tables.filter((t) =>
    /<w:tblHeader\s*\/>|<w:tblHeader w:val="(?:true|1|on)"/.test(t.xml),
  );
  const annexTables = annexRanges.map((t) => ({
    rows: (t.xml.match(/<w:tr[\s>]/g) ?? []).length,
    fixed: /<w:tblLayout w:type="fixed"\/>/.test(t.xml),
    widthsTwips: [...t.xml.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1])),
  }));
  annexTables.forEach((t, i) => {
    need(t.fixed, `Bảng phụ lục ${i + 1}: độ rộng cột phải cố định (tblLayout fixed).`);
    need(t.widthsTwips.length > 0, `Bảng phụ lục ${i + 1}: thiếu độ rộng cột (gridCol).`);
  });
  const paragraphMatches = [...document.matchAll(/<w:p[\s>][\s\S]*?<\/w:p>/g)];
  const mottoPt: number[] = [];
  const bodyPt: number[] = [];
  const tablePt: number[] = [];
  const paragraphs: string[] = [];
  for (const m of paragraphMatches) {
    const p = m[0];
    const text = textOf(p);
    paragraphs.push(text);
    const sizes = runSizes(p, defaultPt);
    const inAnnex = annexRanges.some((t) => m.index >= t.start && m.index < t.end);
    if (text.trim() === "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") {
      mottoPt.push(...sizes);
      sizes.forEach((s) => inRange(s, LAYOUT_RULES.mottoPt, "Cỡ chữ quốc hiệu", "pt"));
      need(isBold(p), "Quốc hiệu phải in đậm.");
    } else if (text.trim() === "Độc lập - Tự do - Hạnh phúc") {
      mottoPt.push(...sizes);
      sizes.forEach((s) => inRange(s, LAYOUT_RULES.motto2Pt, "Cỡ chữ tiêu ngữ", "pt"));
      need(isBold(p), "Tiêu ngữ phải in đậm.");
      need(/<w:pBdr>[\s\S]*?<w:bottom\b/.test(p), "Tiêu ngữ phải có đường kẻ bên dưới.");
    } else if (inAnnex) {
      tablePt.push(...sizes);
    } else if (/<w:jc w:val="both"\/>/.test(p)) {
      bodyPt.push(...sizes);
      const indent = mm(num(p, "w:ind", "w:firstLine")) / 10;
      const after = (num(p, "w:spacing", "w:after") ?? 0) / 20;
      const before = (num(p, "w:spacing", "w:before") ?? 0) / 20;
      if (!within(indent, LAYOUT_RULES.firstLineIndentCm, 0.01))
        problems.push(
          `Đoạn “${text.slice(0, 40)}”: thụt đầu dòng ${indent} cm, phải từ 1 đến 1,27 cm.`,
        );
      if (after + before < LAYOUT_RULES.paragraphSpacingPt.min)
        problems.push(
          `Đoạn “${text.slice(0, 40)}”: khoảng cách đoạn ${after + before} pt, phải ≥ 6 pt.`,
        );
    }
  }
  need(mottoPt.length > 0, "Thiếu quốc hiệu “CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM”.");
  need(
    paragraphs.some((t) => t.trim() === "Độc lập - Tự do - Hạnh phúc"),
    "Thiếu tiêu ngữ.",
  );
  need(bodyPt.length > 0, "Không có đoạn nội dung căn đều hai bên.");
  for (const s of new Set(bodyPt)) inRange(s, LAYOUT_RULES.bodyPt, "Cỡ chữ nội dung", "pt");
  for (const s of new Set(tablePt)) inRange(s, LAYOUT_RULES.tablePt, "Cỡ chữ bảng phụ lục", "pt");

  // Page numbers: top centre, from page 2 (the first page has its own, empty header).
  const first = sectPrs[0] ?? "";
  need(
    /<w:titlePg\s*\/>|<w:titlePg w:val="(?:true|1|on)"\/>/.test(first),
    "Trang đầu không được đánh số (thiếu titlePg).",
  );
  const rels = read("word/_rels/document.xml.rels");
  const target = (kind: string, sect: string) => {
    const id = new RegExp(`<w:headerReference w:type="${kind}" r:id="([^"]+)"`).exec(sect)?.[1];
    const file = id ? new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] : undefined;
    return file ? read(`word/${file}`) : "";
  };
  const numbered = (xml: string) => /PAGE/.test(xml) && /<w:jc w:val="center"\/>/.test(xml);
  sectPrs.forEach((s, i) =>
    need(numbered(target("default", s)), `Phần ${i + 1}: thiếu số trang ở giữa lề trên.`),
  );
  need(!/PAGE/.test(target("first", first)), "Trang đầu không được có số trang.");

  return {
    ok: problems.length === 0,
    problems,
    sections,
    fonts: [...fonts],
    mottoPt,
    bodyPt: [...new Set(bodyPt)],
    tablePt: [...new Set(tablePt)],
    annexTables,
    paragraphs,
  };
}
