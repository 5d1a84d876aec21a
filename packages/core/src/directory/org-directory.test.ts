import { describe, expect, it } from "vitest";
import { ValidationError } from "../errors.js";
import { createDirectory, parseDirectoryFile, type OrgResolution } from "./index.js";

const dir = createDirectory();
const idOf = (result: OrgResolution) =>
  result.status === "found" ? result.entry.id : result.status;

describe("default data", () => {
  const count = (kind: string) => dir.entries.filter((entry) => entry.kind === kind).length;

  it("holds the 14 ministries and the 34 provinces and cities of 2025", () => {
    expect(count("ministry")).toBe(14);
    expect(count("province")).toBe(34);
    const cities = dir.entries.filter((e) => e.kind === "province" && /thành phố/i.test(e.name));
    expect(cities.map((e) => e.id).sort()).toEqual(
      ["p.can-tho", "p.da-nang", "p.ha-noi", "p.hai-phong", "p.ho-chi-minh", "p.hue"].sort(),
    );
  });

  it("has unique ids and every parent present", () => {
    const ids = dir.entries.map((entry) => entry.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const entry of dir.entries) {
      if (entry.parentId) expect(dir.get(entry.parentId), entry.id).toBeDefined();
    }
  });

  it("expands standard units under every ministry and province, scoped by parent", () => {
    const offices = dir.entries.filter((entry) => entry.name === "Văn phòng Bộ");
    expect(offices).toHaveLength(14);
    expect(dir.children("p.nghe-an").map((entry) => entry.name)).toEqual(
      expect.arrayContaining([
        "Sở Khoa học và Công nghệ",
        "Công an tỉnh",
        "Văn phòng Ủy ban nhân dân tỉnh",
      ]),
    );
    expect(dir.children("p.ha-noi").map((entry) => entry.name)).toContain("Công an thành phố");
  });

  it("places the units of Bộ Công Thương under it", () => {
    for (const id of [
      "bct.dck",
      "bct.tmdt",
      "bct.tttn",
      "bct.khtc",
      "bct.pc",
      "bct.vp",
      "bct.bao",
    ]) {
      expect(dir.get(id)?.parentId, id).toBe("bct");
      expect(dir.isWithin(id, "bct")).toBe(true);
    }
    expect(dir.scopeOf("bct.dck")).toBe("bct");
    expect(dir.scopeOf("p.nghe-an.so-khcn")).toBe("p.nghe-an");
  });
});

describe("exact lookup", () => {
  it.each([
    ["Bộ Công thương", "bct"],
    ["BỘ CÔNG THƯƠNG", "bct"],
    ["Bộ Văn hoá, Thể thao và Du lịch", "bvhttdl"],
    ["Bộ VHTTDL", "bvhttdl"],
    ["Bộ KH&CN", "bkhcn"],
    ["Bộ Thông tin và Truyền thông", "bkhcn"],
    ["Bộ TT&TT", "bkhcn"],
    ["Bộ NN&PTNT", "bnnmt"],
    ["Bộ KH&ĐT", "btc"],
    ["Ngân hàng Nhà nước", "nhnn"],
    ["Thủ tướng Chính phủ", "thu-tuong"],
    ["Ban Chỉ đạo của Chính phủ", "bcd-cp"],
    ["UBND tỉnh Nghệ An", "p.nghe-an"],
    ["tỉnh Nghệ An", "p.nghe-an"],
    ["UBND TP. Hồ Chí Minh", "p.ho-chi-minh"],
    ["Ủy ban nhân dân tỉnh Bình Dương", "p.ho-chi-minh"],
    ["Uỷ ban nhân dân thành phố Huế", "p.hue"],
    ["Cục CĐSQG", "bkhcn.cdsqg"],
    ["Các đơn vị thuộc bộ", "g.don-vi-thuoc-bo"],
    ["Các bộ ngành, địa phương", "g.bo-nganh-dia-phuong"],
  ])("%s → %s", (text, id) => {
    expect(idOf(dir.resolve(text))).toBe(id);
  });

  it.each([
    ["Cục ĐCK", "bct.dck"],
    ["Cục TTTN", "bct.tttn"],
    ["TMDT&KTS", "bct.tmdt"],
    ["Cục TMĐT&KTS", "bct.tmdt"],
    ["Vụ KHTC", "bct.khtc"],
    ["Vụ ĐB", "bct.db"],
    ["Cục Hoá chất", "bct.hc"],
    ["Văn phòng Bộ", "bct.vp"],
    ["Vụ Pháp chế", "bct.pc"],
  ])("%s in a plan of Bộ Công Thương → %s", (text, id) => {
    expect(idOf(dir.resolve(text, "bct"))).toBe(id);
  });

  it("resolves a name shared by several ministries within the plan's owner first", () => {
    expect(idOf(dir.resolve("Văn phòng Bộ", "btp"))).toBe("btp.vp");
    expect(idOf(dir.resolve("Vụ Pháp chế", "bct.dck"))).toBe("bct.pc");
    const anywhere = dir.resolve("Vụ Pháp chế", null);
    expect(anywhere.status).toBe("ambiguous");
    if (anywhere.status === "ambiguous")
      expect(anywhere.candidates.length).toBeGreaterThanOrEqual(14);
  });

  it("resolves the departments of a province within that province", () => {
    expect(idOf(dir.resolve("Sở Khoa học và Công nghệ", "p.nghe-an"))).toBe("p.nghe-an.so-khcn");
    expect(idOf(dir.resolve("Sở KH&CN", "p.nghe-an"))).toBe("p.nghe-an.so-khcn");
    expect(idOf(dir.resolve("Công an tỉnh", "p.nghe-an"))).toBe("p.nghe-an.cong-an");
    expect(idOf(dir.resolve("Sở TN&MT", "p.nghe-an"))).toBe("p.nghe-an.so-nnmt");
    expect(idOf(dir.resolve("Sở Tư pháp tỉnh Lào Cai", "p.nghe-an"))).toBe("p.lao-cai.so-tu-phap");
    expect(dir.resolve("Sở Tư pháp").status).toBe("ambiguous");
  });
});

describe("tolerant lookup", () => {
  it.each([
    "Cục Đổi mới sáng tạo, Chuyên đổi xanh và Khuyến công",
    "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyên công",
    "Cục Đồi mới sáng tạo, Chuyên đổi xanh và Khuyến công",
    "Cục Đổi mới sáng tạo, Chuyên đội xanh và Khuyến công",
    "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyển công",
    "Cục Đổi mới sáng tạo, Chuyên đổi xanh và Chuyển công",
    "Cục Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công",
    "Cục Đổi mới sáng tạo, Chuyển đổi xanhvà Khuyến công",
    "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuy ến công",
    "CụcĐổi mới sáng tạo, Chuyển đối xanh và Khuyến công",
  ])("%s → Cục ĐCK", (text) => {
    expect(idOf(dir.resolve(text, "bct"))).toBe("bct.dck");
  });

  it("reads a name cut at a page break, and marks the reading as tolerant", () => {
    const cut = dir.resolve("Cục Thương mại điện tử và", "bct");
    expect(cut).toMatchObject({ status: "found", method: "tolerant", entry: { id: "bct.tmdt" } });
    expect(idOf(dir.resolve("Cục Thương mại điện tử từ và Kinh tế số", "bct"))).toBe("bct.tmdt");
  });

  it("cuts a first word glued to the next by OCR, not a first word names start with", () => {
    expect(idOf(dir.resolve("Cácđơn vị thuộc Bộ", "bct"))).toBe(
      idOf(dir.resolve("Các đơn vị thuộc Bộ", "bct")),
    );
    expect(dir.resolve("Cácđơn vị thuộc Bộ", "bct").status).not.toBe("none");
    expect(dir.resolve("Cụcvụ", "bct").status).toBe("none");
  });

  it("does not stretch a name into another one", () => {
    expect(dir.resolve("Cục Hàng không Việt Nam", "bct").status).toBe("none");
    expect(dir.resolve("Cục Công nghệ", "bct").status).toBe("none");
    expect(dir.resolve("Vụ Pháp luật", "bct").status).toBe("none");
    expect(dir.resolve("Sở Tư pháp", "btp").status).not.toBe("none");
    expect(idOf(dir.resolve("Bộ Tư phap", "p.nghe-an"))).toBe("btp");
    expect(idOf(dir.resolve("Viện nghiên cứu", "bct"))).toBe("g.vien-nghien-cuu");
    expect(dir.resolve("Các TMDT", "bct").status).toBe("none");
    expect(dir.resolve("Bộ Nội", null).status).toBe("none");
  });
});

describe("mentionedIn and abbreviations", () => {
  it("finds the longest organisation named in free text", () => {
    expect(dir.mentionedIn("BỘ TRƯỞNG BỘ CÔNG THƯƠNG")?.id).toBe("bct");
    expect(dir.mentionedIn("của Trưởng Ban Chỉ đạo của Chính phủ")?.id).toBe("bcd-cp");
    expect(dir.mentionedIn("TM. ỦY BAN NHÂN DÂN TỈNH GIA LAI")?.id).toBe("p.gia-lai");
    expect(dir.mentionedIn("Kế hoạch năm 2026")).toBeNull();
  });

  it("lists entries by document code", () => {
    expect(dir.withAbbreviation("BCT").map((entry) => entry.id)).toEqual(["bct"]);
    expect(dir.withAbbreviation("BCDCP").map((entry) => entry.id)).toEqual(["bcd-cp"]);
  });
});

describe("a user's own entries", () => {
  it("extends the directory without code: communes under a province", () => {
    const own = createDirectory([
      {
        id: "p.nghe-an.xa-hung-nguyen",
        name: "Ủy ban nhân dân xã Hưng Nguyên",
        kind: "commune",
        parentId: "p.nghe-an",
        aliases: ["UBND xã Hưng Nguyên"],
      },
    ]);
    expect(idOf(own.resolve("UBND xã Hưng Nguyên", "p.nghe-an"))).toBe("p.nghe-an.xa-hung-nguyen");
    expect(idOf(own.resolve("Ủy ban nhân dân xã Hưng Nguyên tỉnh Nghệ An"))).toBe(
      "p.nghe-an.xa-hung-nguyen",
    );
    expect(dir.resolve("UBND xã Hưng Nguyên").status).toBe("none");
  });

  it("reads a whole file of the default shape, standard units included", () => {
    const file = parseDirectoryFile({
      standardUnits: [{ under: "province", key: "so-du-lich", name: "Sở Du lịch" }],
      organisations: [
        { id: "bct", name: "Bộ Công Thương", kind: "ministry", abbreviations: ["MOIT"] },
      ],
    });
    const own = createDirectory(file);
    expect(idOf(own.resolve("Sở Du lịch", "p.khanh-hoa"))).toBe("p.khanh-hoa.so-du-lich");
    expect(idOf(own.resolve("MOIT"))).toBe("bct");
  });

  it("refuses a malformed file with a Vietnamese message naming the field", () => {
    const bad = () => parseDirectoryFile({ organisations: [{ id: "x", name: "X", kind: "bộ" }] });
    expect(bad).toThrow(ValidationError);
    expect(bad).toThrow(/organisations\[0\]\.kind: giá trị không hợp lệ \(central, ministry/);
    expect(() =>
      parseDirectoryFile({ organisations: [{ id: "Bộ X", name: "X", kind: "ministry" }] }),
    ).toThrow(/organisations\[0\]\.id: sai định dạng/);
  });

  it("refuses an unknown parent and a cycle", () => {
    expect(() =>
      createDirectory([{ id: "x", name: "Cục X", kind: "department", parentId: "khong-co" }]),
    ).toThrow(/cấp trên "khong-co" không có trong danh mục/);
    expect(() =>
      createDirectory([
        { id: "a", name: "Cục A", kind: "department", parentId: "b" },
        { id: "b", name: "Cục B", kind: "department", parentId: "a" },
      ]),
    ).toThrow(/vòng lặp/);
  });
});
