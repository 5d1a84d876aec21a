/**
 * The web readers on small pages written for the test: a saved page (merged cells, scripts,
 * menus, entities, a table inside a cell, footnotes, the site around the document) and text
 * copied from one (cells between `|` lines or empty lines, empty and missing cells, the table's
 * end).
 */
import { describe, expect, it } from "vitest";
import type { Block } from "../blocks.js";
import { importDocument } from "../import-document.js";
import { readTextDocument } from "./detect.js";
import { readHtmlBlocks } from "./html.reader.js";

const texts = (b: Block | undefined) =>
  b?.type === "table" ? b.rows.map((r) => r.cells.map((c) => c.text)) : [];

describe("saved web page (.html)", () => {
  const page = `<!DOCTYPE html><html><head><title>T</title><script>if (a < b) document.write("<p>x</p>")</script></head>
<body><nav><a>Trang chủ</a></nav><div class="menu"><ul><li>Văn bản mới</li><li>Tra cứu</li></ul></div>
<table><tr><td><b>BỘ CÔNG THƯƠNG</b><br>-------</td><td><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</b><br>Độc lập - Tự do - Hạnh phúc</td></tr>
<tr><td>Số: 12/KH-BCT</td><td><i>Hà Nội, ngày 05 tháng 01 năm 2026</i></td></tr></table>
<p align="center"><b>KẾ HOẠCH</b></p><p><b>Triển khai chuyển đổi số năm 2026</b></p>
<p>PHỤ LỤC</p>
<table border="1">
<tr><th rowspan="2">STT</th><th rowspan="2">Tên nhiệm vụ</th><th colspan="2">Đơn vị thực hiện</th><th rowspan="2">Thời hạn</th></tr>
<tr><th>Chủ trì</th><th>Phối hợp</th></tr>
<tr><td>I</td><td colspan="4"><b>NHIỆM VỤ CHUNG</b></td></tr>
<tr><td>1.</td><td>Ban hành quy chế dữ liệu<sup>1</sup></td><td>Vụ Pháp chế</td><td>Văn phòng Bộ &amp; các đơn vị</td><td rowspan="2">30/6/2026</td></tr>
<tr><td>2.</td><td><p>Nâng cấp cổng</p><table><tr><td>dịch vụ công</td></tr></table></td><td>Văn phòng Bộ</td><td></td></tr>
</table>
<p><sup>1</sup> Nhiệm vụ được giao tại Nghị quyết số 71/NQ-CP ngày 01/4/2025.</p>
<footer>Liên hệ</footer></body></html>`;

  it("reads the document without the site around it, and no tag", () => {
    const blocks = readHtmlBlocks(page);
    expect(texts(blocks[0])[0]).toEqual([
      "BỘ CÔNG THƯƠNG\n-------",
      "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc",
    ]);
    const all = JSON.stringify(blocks);
    expect(all).not.toMatch(/Trang chủ|Văn bản mới|Liên hệ|document\.write|<\/?[a-z]+>/);
  });

  it("lines up merged cells and keeps a cell's inner table as its lines", () => {
    const table = readHtmlBlocks(page).filter((b) => b.type === "table")[1];
    expect(texts(table)).toEqual([
      ["STT", "Tên nhiệm vụ", "Đơn vị thực hiện", "", "Thời hạn"],
      ["", "", "Chủ trì", "Phối hợp", ""],
      ["I", "NHIỆM VỤ CHUNG", "", "", ""],
      ["1.", "Ban hành quy chế dữ liệu", "Vụ Pháp chế", "Văn phòng Bộ & các đơn vị", "30/6/2026"],
      ["2.", "Nâng cấp cổng\ndịch vụ công", "Văn phòng Bộ", "", "30/6/2026"],
    ]);
  });

  it("imports the plan: front matter, groups, tasks, footnote basis", () => {
    const r = importDocument(new TextEncoder().encode(page));
    expect(r.document).toMatchObject({ kind: "Kế hoạch", number: "12/KH-BCT", date: "2026-01-05" });
    expect(r.document.issuer).toBe("Bộ Công Thương");
    const [t1, t2] = r.appendices[0]?.tasks ?? [];
    expect(t1).toMatchObject({ number: "1", groupPath: ["I"], deadline: { due: "2026-06-30" } });
    expect(t1?.basis.map((d) => d.number)).toEqual(["71/NQ-CP"]);
    expect(t2?.lead.map((o) => o.name)).toEqual(["Văn phòng Bộ"]);
  });
});

describe("text copied from a web page (flattened tables)", () => {
  const head = ["Tra cứu văn bản", "", "PHỤ LỤC", "", "DANH MỤC NHIỆM VỤ", ""];

  it("rebuilds rows from `|`-separated cells, empty cells included", () => {
    const text = [
      ...head,
      ...["STT", "|", "Tên nhiệm vụ", "|", "Chủ trì", "|", "Phối hợp", "|", "Thời hạn", ""],
      ...["1.", "|", "Ban hành quy chế", "|", "Vụ Pháp chế", "|", "|", "Quý II/2026", ""],
      ...["2.", "|", "Nâng cấp cổng", "|", "Văn phòng Bộ", "|", "Các đơn vị", "|", "2026", ""],
      "Nơi nhận:",
      "- Như trên;",
    ].join("\n");
    const read = readTextDocument(text);
    expect(read.format).toBe("web-text");
    expect(texts(read.blocks.find((b) => b.type === "table"))).toEqual([
      ["STT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Thời hạn"],
      ["1.", "Ban hành quy chế", "Vụ Pháp chế", "", "Quý II/2026"],
      ["2.", "Nâng cấp cổng", "Văn phòng Bộ", "Các đơn vị", "2026"],
    ]);
  });

  it("finds rows by their numbers and places cells by what they hold when cells are missing", () => {
    const text = [
      ...head,
      ...["TT", "Tên nhiệm vụ", "Chủ trì", "Phối hợp", "Kết quả", "Thời hạn", ""].flatMap((c) => [
        c,
        "",
      ]),
      ...["I", "NHIỆM VỤ CHUNG"].flatMap((c) => [c, ""]),
      ...["1.", "Ban hành quy chế", "Vụ Pháp chế", "Quý II/2026"].flatMap((c) => [c, ""]),
      ...[
        "2.",
        "Nâng cấp cổng",
        "Văn phòng Bộ",
        "Các đơn vị",
        "Cổng được nâng cấp",
        "30/6/2026",
      ].flatMap((c) => [c, ""]),
      "Trang chủ",
      "Liên hệ",
      "Giới thiệu",
    ].join("\n");
    const r = importDocument(text);
    const tasks = r.appendices[0]?.tasks ?? [];
    expect(
      tasks.map((t) => [t.number, t.groupPath, t.lead.map((o) => o.name), t.deadline.due]),
    ).toEqual([
      ["1", ["I"], ["Vụ Pháp chế"], "2026-06-30"],
      ["2", ["I"], ["Văn phòng Bộ"], "2026-06-30"],
    ]);
    expect(tasks[1]?.output).toBe("Cổng được nâng cấp");
    expect(tasks[0]?.coordinators).toEqual([]);
  });

  it("leaves prose without such a table to the converted-text reader", () => {
    expect(readTextDocument("Kế hoạch\n\nNội dung\n\nTriển khai").format).toBe("text");
  });
});
