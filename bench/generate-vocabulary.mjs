// The vocabulary of the synthetic dataset, read from the real plan documents at run time:
// task-name word chains, unit names and the deadline forms plans use (with their frequencies).
// Reads ../shared/seeds (relative to the repository root), falling back to examples/.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const SOURCES = [join(root, "..", "shared", "seeds"), join(root, "examples")];

const NUMBERED = /^\s*(\d+(\.\d+)*)\.?\s*$/;
/** A lead or coordinator cell piece that is one unit's name ("Cục Công nghiệp", "Bộ Tài chính"). */
const UNIT =
  /^(Bộ|Cục|Vụ|Văn phòng|Thanh tra Bộ|Viện|Trung tâm|Tổng cục|Báo|Tạp chí) [A-ZĐ][^\d<>*:/]{2,60}$/u;
const NOT_A_UNIT =
  /(^|\s)(cáo|thực|đề|đã|chịu|được|để|phụ|trưởng|liên|các|theo)(\s|$)|[().]|\svà$/u;

/** Deadline forms: a pattern over a cell and the template kind it stands for. */
const DEADLINE_FORMS = [
  ["quarter", /^Quý\s+[IV]+\s*\/\s*\d{4}$/i],
  ["date", /^\d{1,2}\s*\/\s*\d{1,2}\s*\/\s*\d{4}$/],
  ["month", /^Tháng\s+\d{1,2}\s*\/\s*\d{4}$/i],
  ["year", /^(Trong\s+)?(năm\s+)?\d{4}$/i],
  ["range", /^\d{4}\s*[-–]\s*\d{4}$/],
  ["before", /^Hoàn thành trước ngày \d{1,2}\/\d{1,2}\/\d{4}$/i],
  ["continuous", /^Thường xuyên$/i],
  ["yearly", /^(Thường niên|Hàng năm|Hằng năm)$/i],
];

const BASIS = /^(Thông báo|Quyết định|Nghị quyết|Kế hoạch|Chương trình|Công văn|Chỉ thị) số/u;

const stripTags = (text) =>
  text
    .replace(/<[^>]*>/g, " ")
    .replace(/\s+/g, " ")
    .trim();

function sourceTexts() {
  for (const dir of SOURCES) {
    if (!existsSync(dir)) continue;
    const files = readdirSync(dir)
      .filter((f) => /\.(txt|md)$/i.test(f))
      .sort();
    if (files.length) return { dir, texts: files.map((f) => readFileSync(join(dir, f), "utf8")) };
  }
  throw new Error(`Không tìm thấy văn bản mẫu trong ${SOURCES.join(" hoặc ")}.`);
}

function wordChain(names) {
  const chain = new Map();
  const starts = [];
  for (const name of names) {
    const words = name.split(" ").filter(Boolean);
    if (words.length < 4) continue;
    starts.push([words[0], words[1]]);
    for (let i = 0; i + 2 <= words.length; i++) {
      const key = `${words[i]} ${words[i + 1]}`;
      const list = chain.get(key) ?? [];
      list.push(words[i + 2] ?? null); // null ends a name
      chain.set(key, list);
    }
  }
  return { chain, starts };
}

export function loadVocabulary() {
  const { dir, texts } = sourceTexts();
  const names = [];
  const units = new Set();
  const forms = new Map();
  const basis = new Set();
  for (const text of texts) {
    for (const line of text.split("\n")) {
      const cells = line.split("\t").map(stripTags);
      if (!NUMBERED.test(cells[0] ?? "") || cells.length < 4) continue;
      for (const piece of cells.slice(2).flatMap((c) => c.split(/[,;]\s*/))) {
        if (UNIT.test(piece) && !NOT_A_UNIT.test(piece)) units.add(piece.trim());
      }
      if (cells[1] && cells[1].length > 20) names.push(cells[1]);
      for (const cell of cells.slice(2)) if (BASIS.test(cell) && cell.length < 120) basis.add(cell);
      for (const cell of cells.slice(2)) {
        const form = DEADLINE_FORMS.find(([, re]) => re.test(cell));
        if (form) forms.set(form[0], (forms.get(form[0]) ?? 0) + 1);
      }
    }
  }
  const unitNames = [...units].filter((u) => u.split(" ").length >= 2 && u.length <= 80).sort();
  return {
    source: dir,
    taskNames: names.length,
    ...wordChain(names),
    ministries: unitNames.filter((u) => /^Bộ /.test(u)),
    departments: unitNames.filter((u) => !/^Bộ /.test(u)),
    deadlineForms: [...forms.entries()].sort(),
    basis: [...basis].sort(),
  };
}

/** A task name of 8–40 words walked along the seeds' word chain. */
export function makeName(vocab, random, maxWords = 40) {
  const [w1, w2] = random.pick(vocab.starts);
  const words = [w1, w2];
  while (words.length < maxWords) {
    const next = vocab.chain.get(`${words[words.length - 2]} ${words[words.length - 1]}`);
    const word = next ? random.pick(next) : null;
    if (word === null) {
      if (words.length >= 8) break;
      words.push(...random.pick(vocab.starts));
      continue;
    }
    words.push(word);
  }
  return words.join(" ").replace(/[,;:]$/, "");
}
