// The organisation directory of a national installation: central bodies and ministries (named
// as in the seeds), their departments (the seeds' Cục/Vụ names, repeated under each ministry as
// in real life), the 34 provinces with their Sở (named after the ministries) and communes, and a
// group placeholder per ministry and province ("Các đơn vị thuộc Bộ"), up to `total` rows.
import { fold } from "@giamsat/core";

const PROVINCES = [
  "Hà Nội",
  "Huế",
  "Lai Châu",
  "Điện Biên",
  "Sơn La",
  "Lạng Sơn",
  "Quảng Ninh",
  "Thanh Hóa",
  "Nghệ An",
  "Hà Tĩnh",
  "Cao Bằng",
  "Tuyên Quang",
  "Lào Cai",
  "Thái Nguyên",
  "Phú Thọ",
  "Bắc Ninh",
  "Hưng Yên",
  "Hải Phòng",
  "Ninh Bình",
  "Quảng Trị",
  "Đà Nẵng",
  "Quảng Ngãi",
  "Gia Lai",
  "Khánh Hòa",
  "Lâm Đồng",
  "Đắk Lắk",
  "Hồ Chí Minh",
  "Đồng Nai",
  "Tây Ninh",
  "Cần Thơ",
  "Vĩnh Long",
  "Đồng Tháp",
  "Cà Mau",
  "An Giang",
];
const CITIES = new Set(["Hà Nội", "Huế", "Hải Phòng", "Đà Nẵng", "Hồ Chí Minh", "Cần Thơ"]);
const NO_PROVINCIAL_SO = /^Bộ (Quốc phòng|Công an|Ngoại giao)$/;

function unique(names) {
  const first = new Map();
  for (const n of names) if (!first.has(n.toLowerCase())) first.set(n.toLowerCase(), n);
  return [...first.values()];
}

/**
 * Returns { rows, byLevel } where rows are organisations rows with explicit ids and
 * byLevel = { central, ministries, departments (by parent id), provinces, so, communes, groups }.
 */
export function buildOrganisations(vocab, total, random) {
  const rows = [];
  const add = (name, kind, parent_id, short_name = null) => {
    if (rows.length >= total) return null;
    const row = { id: rows.length + 1, name, short_name, kind, parent_id, search: fold(name) };
    rows.push(row);
    return row;
  };
  const ministries = unique(vocab.ministries);
  const departmentNames = unique(
    vocab.departments.filter((d) => !/^Văn phòng (Chính phủ|Quốc hội|Trung ương)/.test(d)),
  );
  const centralNames = unique(
    vocab.departments.filter((d) => /^Văn phòng (Chính phủ|Quốc hội|Trung ương)/.test(d)),
  );
  const byLevel = {
    ministries: [],
    central: [],
    departments: new Map(),
    provinces: [],
    so: new Map(),
    communes: new Map(),
    groups: new Map(),
  };

  for (const name of ministries) byLevel.ministries.push(add(name, "unit", null));
  for (const name of centralNames) byLevel.central.push(add(name, "unit", null));
  byLevel.ministries = byLevel.ministries.filter(Boolean);
  byLevel.central = byLevel.central.filter(Boolean);
  for (const p of PROVINCES) {
    const province = add(
      `Ủy ban nhân dân ${CITIES.has(p) ? "thành phố" : "tỉnh"} ${p}`,
      "unit",
      null,
    );
    if (province) byLevel.provinces.push({ ...province, place: p });
  }
  const parents = [...byLevel.ministries, ...byLevel.provinces];
  for (const parent of parents) {
    const isMinistry = byLevel.ministries.includes(parent);
    byLevel.groups.set(
      parent.id,
      add(isMinistry ? "Các đơn vị thuộc Bộ" : "Các sở, ngành, địa phương", "group", parent.id),
    );
  }
  for (const m of byLevel.ministries) {
    byLevel.departments.set(m.id, departmentNames.map((d) => add(d, "unit", m.id)).filter(Boolean));
  }
  for (const p of byLevel.provinces) {
    const names = ministries
      .filter((m) => !NO_PROVINCIAL_SO.test(m))
      .map((m) => m.replace(/^Bộ /, "Sở "));
    byLevel.so.set(p.id, names.map((n) => add(n, "unit", p.id)).filter(Boolean));
  }
  const provinces = byLevel.provinces;
  for (let i = 0; rows.length < total && provinces.length; i++) {
    const p = provinces[i % provinces.length];
    const list = byLevel.communes.get(p.id) ?? [];
    const n = list.length + 1;
    list.push(
      add(
        `${random.chance(0.25) ? "Phường" : "Xã"} ${String(n).padStart(3, "0")} – ${p.place}`,
        "unit",
        p.id,
      ),
    );
    byLevel.communes.set(p.id, list);
  }
  const byParent = new Map();
  for (const row of rows) {
    if (row.parent_id === null || row.kind !== "unit") continue;
    byParent.set(row.parent_id, [...(byParent.get(row.parent_id) ?? []), row]);
  }
  return { rows, byLevel, byParent };
}

/** Units a plan owned by `owner` assigns tasks to, and the group placeholder it may use. */
export function unitsUnder(owner, orgs) {
  const { byLevel } = orgs;
  const children = [
    ...(byLevel.departments.get(owner.id) ?? []),
    ...(byLevel.so.get(owner.id) ?? []),
    ...(byLevel.communes.get(owner.id) ?? []).slice(0, 60),
  ];
  if (children.length) return { units: children, group: byLevel.groups.get(owner.id) ?? null };
  const siblings = owner.parent_id === null ? [] : (orgs.byParent.get(owner.parent_id) ?? []);
  return {
    units: siblings.length ? siblings.slice(0, 40) : [owner],
    group: byLevel.groups.get(owner.parent_id) ?? null,
  };
}
