import { describe, expect, it } from "vitest";
import { createDirectory } from "../../directory/index.js";
import { seedColumn, seedText } from "../../match/test-support/seed-cells.js";
import { parseOrgs, resolveOwner } from "./org.parse.js";

const dir = createDirectory();
const inPlan = (ownerId: string | null) => (raw: string) => parseOrgs(raw, dir, { ownerId });
const bct = inPlan("bct");
const names = (raw: string, parse = bct) => parse(raw).orgs.map((org) => org.name);
const DCK = "Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công";
const TMDT = "Cục Thương mại điện tử và Kinh tế số";

const SEEDS = [
  "qd596-bct-2026-nq57-plan.txt",
  "qd405-bct-2026-2030-digital-transformation.txt",
  "bcdcp-2026-appendix2-interministerial-tasks.txt",
];
const LEAD = /^(?:Cơ quan|Đơn vị)?\s*chủ trì/i;
const SUPPORT = /^(?:Cơ quan|Đơn vị)?\s*phối hợp/i;
const seedOwner = (seed: string) => resolveOwner(seedText(seed).slice(0, 3000), dir);
const seedCells = (seed: string) => [
  ...new Set([...seedColumn(seed, LEAD), ...seedColumn(seed, SUPPORT)]),
];

describe("cells of the seed plans", () => {
  it.each([
    ["Vụ Pháp chế", ["Vụ Pháp chế"]],
    ["Bộ Công thương", ["Bộ Công Thương"]],
    [
      "Cục TTTN, Các đơn vị thuộc Bộ và liên quan",
      [
        "Cục Quản lý và Phát triển thị trường trong nước",
        "Các đơn vị thuộc Bộ và đơn vị liên quan",
      ],
    ],
    ["Cục ĐCK; TMDT&KTS; các đơn vị thuộc Bộ", [DCK, TMDT, "Các đơn vị thuộc Bộ"]],
    [
      "Vụ KHTC, các đơn vị liên quan",
      ["Vụ Kế hoạch, Tài chính và Quản lý doanh nghiệp", "Các đơn vị liên quan"],
    ],
    ["Cục Thương mại điện tử\ntừ và Kinh tế số", [TMDT]],
    ["Cục Thương mại điện tử và\nKinh tế số", [TMDT]],
    [
      "Vụ Kế hoạch, Tài chính và Quản lý doanh\nnghiệp; Cục Đổi mới sáng tạo, Chuyên đổi xanh và Khuyến công",
      ["Vụ Kế hoạch, Tài chính và Quản lý doanh nghiệp", DCK],
    ],
    [
      "Cục Hoá chất; Cục Quản lý và Phát triển Thị trường trong nước",
      ["Cục Hóa chất", "Cục Quản lý và Phát triển thị trường trong nước"],
    ],
    [
      "Bộ Tư pháp, Bộ Công an và các cơ quan, đơn vị có liên quan",
      ["Bộ Tư pháp", "Bộ Công an", "Các cơ quan, đơn vị liên quan"],
    ],
    [
      "Bộ Khoa học và Công nghệ và các đơn vị liên quan",
      ["Bộ Khoa học và Công nghệ", "Các đơn vị liên quan"],
    ],
    [
      "Bộ Khoa học và Công nghệ, Ban Cơ yếu Chính phủ, bộ, ngành, địa phương liên quan",
      ["Bộ Khoa học và Công nghệ", "Ban Cơ yếu Chính phủ", "Các bộ, ngành, địa phương liên quan"],
    ],
    [
      "Văn phòng Chính phủ, các bộ ngành, địa\nphương",
      ["Văn phòng Chính phủ", "Các bộ, ngành, địa phương"],
    ],
    [
      "Các bộ, ngành, UBND các tỉnh/ thành phố",
      ["Các bộ, ngành", "Ủy ban nhân dân các tỉnh, thành phố"],
    ],
    ["Các Bộ, cơ quan ngang Bộ", ["Các bộ, cơ quan ngang bộ"]],
    [
      "Đài Truyền hình Việt Nam, Đài Tiếng nói Việt Nam, Thông tấn xã Việt Nam",
      ["Đài Truyền hình Việt Nam", "Đài Tiếng nói Việt Nam", "Thông tấn xã Việt Nam"],
    ],
  ])("%j", (raw, expected) => {
    expect(names(raw)).toEqual(expected);
  });

  it("reads the five bodies of a distributive list", () => {
    const { orgs, warnings } = inPlan("bcd-cp")(
      "Các bộ, cơ quan: Tư pháp, Công an, Nội vụ, Khoa học và Công nghệ, Văn phòng Chính phủ",
    );
    expect(orgs.map((org) => org.name)).toEqual([
      "Bộ Tư pháp",
      "Bộ Công an",
      "Bộ Nội vụ",
      "Bộ Khoa học và Công nghệ",
      "Văn phòng Chính phủ",
    ]);
    expect(orgs.map((org) => org.raw)).toEqual([
      "Tư pháp",
      "Công an",
      "Nội vụ",
      "Khoa học và Công nghệ",
      "Văn phòng Chính phủ",
    ]);
    expect(orgs.every((org) => org.resolved && org.kind === "unit")).toBe(true);
    expect(warnings).toEqual([]);
  });

  it("returns a group placeholder as a group", () => {
    expect(bct("Các đơn vị thuộc Bộ").orgs).toEqual([
      {
        raw: "Các đơn vị thuộc Bộ",
        name: "Các đơn vị thuộc Bộ",
        kind: "group",
        scope: null,
        resolved: true,
        orgId: "g.don-vi-thuoc-bo",
      },
    ]);
    expect(inPlan(null)("Các bộ, ngành, địa phương").orgs[0]).toMatchObject({
      kind: "group",
      resolved: true,
    });
  });

  it("keeps the scope in brackets of each of two leads", () => {
    const { orgs } = bct(
      "Cục Đổi mới sáng tạo, Chuyên\nđội xanh và Khuyến công (KHHCN, ĐMST); Cục Cục Thương mại điện tử và Kinh tế số (CĐS)",
    );
    expect(orgs.map(({ name, scope }) => ({ name, scope }))).toEqual([
      { name: DCK, scope: "(KHHCN, ĐMST)" },
      { name: TMDT, scope: "(CĐS)" },
    ]);
    expect(orgs[1]?.raw).toBe("Cục Cục Thương mại điện tử và Kinh tế số (CĐS)");
  });

  it("cuts a bracket glued to the next name", () => {
    const { orgs, warnings } = bct(`${DCK} (KHHCN,ĐMST)Cục Thương mại điện tử`);
    expect(orgs.map(({ name, scope }) => ({ name, scope }))).toEqual([
      { name: DCK, scope: "(KHHCN,ĐMST)" },
      { name: TMDT, scope: null },
    ]);
    expect(warnings.map((w) => w.code)).toEqual(["org_corrected"]);
  });

  it("resolves every spelling of Cục Đổi mới sáng tạo, Chuyển đổi xanh và Khuyến công in plan 596 to that one unit", () => {
    const spelled = seedCells(SEEDS[0] ?? "")
      .flatMap((cell) => bct(cell).orgs)
      .filter((org) => /ĐCK|Khuy\S*n\s*c|Chuy\S*n\s*công|Đ\S*i mới sáng tạo,/iu.test(org.raw));
    expect(new Set(spelled.map((org) => org.raw)).size).toBeGreaterThanOrEqual(8);
    expect([...new Set(spelled.map((org) => org.orgId))]).toEqual(["bct.dck"]);
  });
});

describe("the three seeds as a whole", () => {
  it.each(SEEDS)("%s: the owner is found from the document's head", (seed) => {
    expect(seedOwner(seed)).toBe(seed.startsWith("bcdcp") ? "bcd-cp" : "bct");
  });

  it("resolves at least 95% of the names in the lead and coordinator columns", () => {
    let parts = 0;
    const leftovers: string[] = [];
    for (const seed of SEEDS) {
      const parse = inPlan(seedOwner(seed));
      for (const cell of seedCells(seed)) {
        const { orgs, warnings } = parse(cell);
        parts += orgs.length;
        for (const org of orgs.filter((o) => !o.resolved)) {
          leftovers.push(org.raw);
          expect(
            warnings.some((w) => w.code === "org_unresolved" && w.message.includes(org.name)),
          ).toBe(true);
        }
      }
    }
    expect(parts).toBeGreaterThan(150);
    expect(
      1 - leftovers.length / parts,
      `chưa nhận ra: ${leftovers.join(" | ")}`,
    ).toBeGreaterThanOrEqual(0.95);
  });

  it("resolves the departments named in the ministry's plans inside Bộ Công Thương", () => {
    for (const seed of SEEDS.slice(0, 2)) {
      const units = seedCells(seed)
        .flatMap((cell) => bct(cell).orgs)
        .filter((org) => /^(?:Cục|Vụ|Văn phòng Bộ|Báo)\s/u.test(org.name) && org.resolved);
      expect(units.length).toBeGreaterThan(5);
      for (const unit of units) expect(dir.isWithin(unit.orgId ?? "", "bct"), unit.raw).toBe(true);
    }
  });
});

describe("cells of other agencies' plans", () => {
  const province = inPlan("p.nghe-an");

  it("resolves a province's departments within the province", () => {
    const { orgs } = province(
      "Sở Khoa học và Công nghệ; Sở Tài chính, Công an tỉnh, UBND các xã, phường",
    );
    expect(orgs.map((org) => [org.name, org.orgId])).toEqual([
      ["Sở Khoa học và Công nghệ", "p.nghe-an.so-khcn"],
      ["Sở Tài chính", "p.nghe-an.so-tai-chinh"],
      ["Công an tỉnh", "p.nghe-an.cong-an"],
      ["Ủy ban nhân dân các xã, phường", "g.ubnd-xa"],
    ]);
    expect(orgs[3]?.kind).toBe("group");
  });

  it("splits names written one a line with bullets", () => {
    expect(names("- Văn phòng UBND tỉnh\n- Sở Nội vụ\n+ Các sở, ban, ngành", province)).toEqual([
      "Văn phòng Ủy ban nhân dân tỉnh",
      "Sở Nội vụ",
      "Các sở, ban, ngành",
    ]);
  });

  it("reads distributive lists of departments and provinces", () => {
    expect(names("Các Sở: Tư pháp, Y tế, Giáo dục và Đào tạo", province)).toEqual([
      "Sở Tư pháp",
      "Sở Y tế",
      "Sở Giáo dục và Đào tạo",
    ]);
    expect(names("UBND các tỉnh: Nghệ An, Hà Tĩnh, Quảng Trị", inPlan(null))).toEqual([
      "Ủy ban nhân dân tỉnh Nghệ An",
      "Ủy ban nhân dân tỉnh Hà Tĩnh",
      "Ủy ban nhân dân tỉnh Quảng Trị",
    ]);
  });

  it.each([
    ["(1) Bộ Tài chính; (2) Bộ Xây dựng", ["Bộ Tài chính", "Bộ Xây dựng"]],
    ["BỘ CÔNG AN, BỘ TƯ PHÁP", ["Bộ Công an", "Bộ Tư pháp"]],
    ["Chủ trì: Bộ Công an.", ["Bộ Công an"]],
    ["Các Cục, Vụ, Thanh tra Bộ", ["Các đơn vị thuộc Bộ", "Thanh tra Bộ"]],
    [
      "Các sở, ban, ngành; UBND các huyện, thị xã, thành phố",
      ["Các sở, ban, ngành", "Ủy ban nhân dân các huyện, thị xã, thành phố"],
    ],
    ["Các đơn vị phối hợp gồm: Sở Y tế, Sở Tài chính", ["Sở Y tế", "Sở Tài chính"]],
    [
      "Văn phòng UBND tỉnh, các Sở: Nội vụ, Tư pháp",
      ["Văn phòng Ủy ban nhân dân tỉnh", "Sở Nội vụ", "Sở Tư pháp"],
    ],
    ["Bộ Công an và Bộ Quốc phòng", ["Bộ Công an", "Bộ Quốc phòng"]],
    ["Sở TT&TT, Sở Kế hoạch và Đầu tư", ["Sở Khoa học và Công nghệ", "Sở Tài chính"]],
    [
      "UBND tỉnh Nghệ An, Hà Tĩnh",
      ["Ủy ban nhân dân tỉnh Nghệ An", "Ủy ban nhân dân tỉnh Hà Tĩnh"],
    ],
  ])("%j", (raw, expected) => {
    expect(names(raw, province)).toEqual(expected);
  });

  it("cuts at a line break before a unit head, and only there", () => {
    expect(names("Trung tâm Dịch vụ A<br>Trung tâm Dịch vụ B", province)).toEqual([
      "Trung tâm Dịch vụ A",
      "Trung tâm Dịch vụ B",
    ]);
    expect(names("Văn phòng\nBộ")).toEqual(["Văn phòng Bộ"]);
    expect(names("Cục\nCục Thương mại điện tử và Kinh tế số")).toEqual([TMDT]);
    expect(names("Sở Giáo dục và\nĐào tạo", province)).toEqual(["Sở Giáo dục và Đào tạo"]);
  });

  it("splits two names run together without a separator", () => {
    expect(names("Cục Công nghiệp Cục Điện lực")).toEqual(["Cục Công nghiệp", "Cục Điện lực"]);
    expect(names("Vụ Pháp chếCục Điện lực")).toEqual(["Vụ Pháp chế", "Cục Điện lực"]);
  });

  it("keeps a note after a colon as the unit's scope", () => {
    expect(inPlan(null)("Bộ Công an: đầu mối").orgs).toMatchObject([
      { raw: "Bộ Công an: đầu mối", name: "Bộ Công an", scope: "(đầu mối)", resolved: true },
    ]);
  });

  it("keeps a qualifier of a known group as its scope", () => {
    expect(
      inPlan(null)("Bộ Tài chính và các địa phương theo phân cấp quản lý ngân sách").orgs,
    ).toMatchObject([
      { name: "Bộ Tài chính", scope: null },
      { name: "Các địa phương", kind: "group", scope: "theo phân cấp quản lý ngân sách" },
    ]);
  });

  it("returns an unknown name unresolved, with a Vietnamese warning naming it", () => {
    const { orgs, warnings } = province("Trung tâm Phục vụ hành chính công tỉnh, Sở Y tế");
    expect(orgs[0]).toEqual({
      raw: "Trung tâm Phục vụ hành chính công tỉnh",
      name: "Trung tâm Phục vụ hành chính công tỉnh",
      kind: "unit",
      scope: null,
      resolved: false,
      orgId: null,
    });
    expect(orgs[1]).toMatchObject({ name: "Sở Y tế", resolved: true });
    expect(warnings).toEqual([
      {
        code: "org_unresolved",
        message:
          'Không tìm thấy đơn vị "Trung tâm Phục vụ hành chính công tỉnh" trong danh mục tổ chức.',
      },
    ]);
  });

  it("warns when a name belongs to several organisations and the plan has no owner", () => {
    const { orgs, warnings } = inPlan(null)("Văn phòng Bộ");
    expect(orgs).toMatchObject([{ name: "Văn phòng Bộ", resolved: true, orgId: null }]);
    expect(warnings[0]?.code).toBe("org_ambiguous");
    expect(warnings[0]?.message).toMatch(/^Tên đơn vị "Văn phòng Bộ" có ở nhiều nơi/);
  });

  it("gives nothing for an empty cell and the same answer twice", () => {
    expect(bct("")).toEqual({ orgs: [], warnings: [] });
    expect(bct(" \n ; , ")).toEqual({ orgs: [], warnings: [] });
    const cell = "Cục ĐCK, Vụ ĐB, Các đơn vị thuộc Bộ và liên quan";
    const first = bct(cell);
    first.orgs[0]!.name = "changed";
    expect(bct(cell).orgs[0]?.name).toBe(DCK);
  });

  it("drops markup, bold marks and a unit's own abbreviation in brackets", () => {
    expect(
      bct("<p><b>Cục Điện lực</b></p><p>**Cục Thương mại điện tử và Kinh tế số (TMĐT)**</p>").orgs,
    ).toMatchObject([
      { name: "Cục Điện lực", scope: null },
      { name: TMDT, scope: null },
    ]);
  });
});

describe("resolveOwner", () => {
  it.each([
    ["Bộ Công Thương", "bct"],
    ["BỘ TRƯỞNG BỘ CÔNG THƯƠNG", "bct"],
    ["Số: 596 /QĐ-BCT", "bct"],
    ["Quyết định số /QĐ-BCĐCP ngày tháng 02 năm 2026", "bcd-cp"],
    ["Số: 17-TB/CQTTBCĐ", "cqtt-bcd-tw"],
    ["TM. ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "p.nghe-an"],
    ["Số: 12/KH-UBND — UBND thành phố Đà Nẵng", "p.da-nang"],
    ["Thủ tướng Chính phủ", "thu-tuong"],
  ])("%s → %s", (text, id) => {
    expect(resolveOwner(text, dir)).toBe(id);
  });

  it("gives null when no organisation is named", () => {
    expect(resolveOwner("KẾ HOẠCH chuyển đổi số năm 2026", dir)).toBeNull();
  });
});
