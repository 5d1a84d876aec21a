import { writeFileSync } from "node:fs";
import path from "node:path";
import { docxWriterUrl } from "./paths.js";

type Block =
  | { type: "p"; paragraph: { runs: { text: string; bold?: boolean }[] } }
  | {
      type: "table";
      rows: { header?: boolean; cells: { paragraphs: { runs: { text: string }[] }[] }[] }[];
    };
type WriteDocx = (blocks: Block[]) => Uint8Array;

export const SCRIPT_TEXT = '<script>alert("xss")</script>';
export const SCRIPT_TASK = `Kiểm tra hiển thị tên có thẻ ${SCRIPT_TEXT} trong danh sách nhiệm vụ`;

const p = (text: string, bold = false): Block => ({
  type: "p",
  paragraph: { runs: [{ text, bold }] },
});
const row = (cells: string[], header = false) => ({
  header,
  cells: cells.map((text) => ({ paragraphs: [{ runs: [{ text }] }] })),
});

/** A task row: name, lead unit, coordinating units, output, deadline. */
type TaskRow = [name: string, lead: string, coordinators: string, output: string, due: string];

/** A plan of the Ministry as the Word document `file`: its number, title and task table. */
export async function writePlanDocx(
  file: string,
  plan: { number: string; title: string; tasks: TaskRow[] },
): Promise<string> {
  const { writeDocx } = (await import(docxWriterUrl)) as { writeDocx: WriteDocx };
  const bytes = writeDocx([
    p("BỘ CÔNG THƯƠNG"),
    p(`Số: ${plan.number}`),
    p("Hà Nội, ngày 05 tháng 01 năm 2026"),
    p("KẾ HOẠCH", true),
    p(plan.title, true),
    p("PHỤ LỤC I", true),
    p("DANH MỤC NHIỆM VỤ", true),
    {
      type: "table",
      rows: [
        row(
          [
            "STT",
            "Tên nhiệm vụ",
            "Cơ quan chủ trì",
            "Cơ quan phối hợp",
            "Kết quả",
            "Thời hạn hoàn thành",
          ],
          true,
        ),
        ...plan.tasks.map((task, i) => row([`${i + 1}.`, ...task])),
      ],
    },
  ]);
  writeFileSync(file, bytes);
  return file;
}

/**
 * A small invented plan as a Word document (a Word cell keeps `<script>` as text, where the
 * converted-text form strips tags): task 1 led by Vụ Pháp chế with Vụ Tổ chức cán bộ, task 2 led
 * by Văn phòng Bộ.
 */
export const writeInventedPlan = (folder: string): Promise<string> =>
  writePlanDocx(path.join(folder, "ke-hoach-thu-nghiem.docx"), {
    number: "77/KH-TNGS",
    title: "Thử nghiệm hiển thị văn bản nhập vào hệ thống Giám sát",
    tasks: [
      [SCRIPT_TASK, "Vụ Pháp chế", "Vụ Tổ chức cán bộ", "Báo cáo kiểm tra", "30/6/2026"],
      [
        "Rà soát quy trình tiếp nhận báo cáo định kỳ",
        "Văn phòng Bộ",
        "Vụ Pháp chế",
        "Quy trình được ban hành",
        "Quý III/2026",
      ],
    ],
  });
