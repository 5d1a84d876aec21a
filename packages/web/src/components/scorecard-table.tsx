import { fold, STATUS_SHORT_LABELS } from "@giamsat/core";
import { useState } from "react";
import type { Scorecard } from "../api/types.js";
import { Link } from "../router/link.js";
import { SortHeader } from "./sort-header.js";

type Key = keyof Omit<Scorecard, "unitId" | "group" | "remindedReports">;
type Sort = { key: Key; desc: boolean };

const COLUMNS: { key: Key; label: string }[] = [
  { key: "name", label: "Đơn vị chủ trì" },
  { key: "led", label: "Chủ trì" },
  { key: "doneOnTime", label: STATUS_SHORT_LABELS.done_on_time },
  { key: "doneLate", label: STATUS_SHORT_LABELS.done_late },
  { key: "overdue", label: STATUS_SHORT_LABELS.overdue },
  { key: "dueSoon", label: STATUS_SHORT_LABELS.due_soon },
  { key: "inTime", label: STATUS_SHORT_LABELS.in_time },
  { key: "noDeadline", label: STATUS_SHORT_LABELS.no_deadline },
  { key: "recurring", label: STATUS_SHORT_LABELS.recurring },
  { key: "timeliness", label: "Báo cáo đúng hạn" },
  { key: "reminderMedianDays", label: "Báo cáo sau nhắc (trung vị)" },
];

/** The columns shown as their own text rather than a count. */
const TEXT_KEYS: readonly Key[] = ["name", "timeliness", "reminderMedianDays"];

const PAGE = 100;

function compare(key: Key) {
  return (a: Scorecard, b: Scorecard) => {
    if (key === "name") return a.name.localeCompare(b.name, "vi");
    // units with no report due sort below every figure
    return (a[key] ?? -1) - (b[key] ?? -1);
  };
}

function timeliness(card: Scorecard): string {
  if (card.timeliness === null) return "—";
  return `${card.reportsOnTime}/${card.reportsDue} (${Math.round(card.timeliness * 100)} %)`;
}

/** "2,5 ngày (4 báo cáo)": the median days from a reminder to the reports it was followed by. */
function afterReminder(card: Scorecard): string {
  if (card.reminderMedianDays === null) return "—";
  const days = card.reminderMedianDays.toLocaleString("vi-VN", { maximumFractionDigits: 1 });
  return `${days} ngày (${card.remindedReports} báo cáo)`;
}

/**
 * Every lead unit's card, sorted in the browser (most overdue first by default; a header click
 * sorts by that column, a second click reverses), filtered by the unit's name typed in any
 * spelling, shown a hundred at a time. A unit's name opens the dashboard for that unit.
 */
export function ScorecardTable({
  cards,
  unitLink,
  groups = false,
}: {
  cards: Scorecard[];
  unitLink: (unitId: number) => string;
  /** the table of group placeholders ("Các bộ, ngành"), listed apart from units */
  groups?: boolean;
}) {
  const id = groups ? "scorecard-groups" : "scorecard-table";
  const [sort, setSort] = useState<Sort>({ key: "overdue", desc: true });
  const [search, setSearch] = useState("");
  const [shown, setShown] = useState(PAGE);
  const wanted = fold(search.trim());
  const matching = wanted ? cards.filter((c) => fold(c.name).includes(wanted)) : cards;
  const sorted = [...matching].sort((a, b) => {
    const byKey = compare(sort.key)(a, b);
    return (sort.desc ? -byKey : byKey) || a.name.localeCompare(b.name, "vi");
  });
  const toggle = (key: Key) =>
    setSort({ key, desc: sort.key === key ? !sort.desc : key !== "name" });

  return (
    <>
      <div className="filters">
        <div className="field narrow">
          <label htmlFor={`${id}-search`}>{groups ? "Tìm nhóm" : "Tìm đơn vị"}</label>
          <input
            id={`${id}-search`}
            type="search"
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setShown(PAGE);
            }}
          />
        </div>
      </div>
      <p className="muted" role="status">
        {matching.length} {groups ? "nhóm" : "đơn vị"}
      </p>
      <div className="table-wrap">
        <table data-testid={id}>
          <caption className="sr-only">
            {groups ? "Nhóm chủ trì chung, chưa tách thành đơn vị" : "Đánh giá đơn vị chủ trì"}
          </caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <SortHeader
                  key={c.key}
                  label={c.label}
                  active={sort.key === c.key}
                  desc={sort.desc}
                  numeric={c.key !== "name"}
                  onSort={() => toggle(c.key)}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {sorted.slice(0, shown).map((card) => (
              <tr key={card.unitId} data-unit={card.unitId}>
                <td>
                  <Link to={unitLink(card.unitId)}>{card.name}</Link>
                </td>
                {COLUMNS.filter((c) => !TEXT_KEYS.includes(c.key)).map((c) => (
                  <td key={c.key} className="num" data-key={c.key}>
                    {card[c.key]}
                  </td>
                ))}
                <td className="num" data-key="timeliness">
                  {timeliness(card)}
                </td>
                <td className="num" data-key="reminderMedianDays">
                  {afterReminder(card)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {sorted.length > shown && (
        <button type="button" onClick={() => setShown(shown + PAGE)}>
          Hiển thị thêm ({sorted.length - shown} đơn vị)
        </button>
      )}
    </>
  );
}
