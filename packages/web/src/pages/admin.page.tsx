import { useState, type KeyboardEvent } from "react";
import { AdminCalendars } from "./admin-calendars.js";
import { AdminOrgs } from "./admin-orgs.js";
import { AdminUsers } from "./admin-users.js";
import { HolidaysAdmin } from "../reminders/holidays-admin.js";
import { FeedbackDeadlinesAdmin } from "../feedback/feedback-deadlines-admin.js";
import { FeedbackFieldsAdmin } from "../feedback/feedback-fields-admin.js";
import { ReminderSettingsAdmin } from "../reminders/reminder-settings-admin.js";
import { OutboxAdmin } from "../notifications/outbox-admin.js";

const TABS = [
  { id: "orgs", label: "Đơn vị và tên gọi khác", render: () => <AdminOrgs /> },
  { id: "users", label: "Người dùng và vai trò", render: () => <AdminUsers /> },
  { id: "calendars", label: "Lịch báo cáo", render: () => <AdminCalendars /> },
  { id: "reminders", label: "Mốc nhắc việc", render: () => <ReminderSettingsAdmin /> },
  { id: "holidays", label: "Ngày nghỉ lễ, Tết", render: () => <HolidaysAdmin /> },
  { id: "outbox", label: "Hàng đợi thông báo", render: () => <OutboxAdmin /> },
  {
    id: "feedback-fields",
    label: "Lĩnh vực góp ý",
    render: () => (
      <>
        <FeedbackFieldsAdmin />
        <FeedbackDeadlinesAdmin />
      </>
    ),
  },
] as const;

/**
 * Administration: the organisation directory, users and roles, reporting calendars, reminder
 * offsets per plan, public holidays, the notification outbox (failed mails) and the fields of
 * the public feedback form.
 */
export function AdminPage() {
  const [tab, setTab] = useState<string>("orgs");
  const current = TABS.find((t) => t.id === tab) ?? TABS[0];
  // the tab pattern: arrows move between tabs (wrapping), Home/End to the first/last; only
  // the selected tab is in the Tab order
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((t) => t.id === current.id);
    const to = {
      ArrowRight: (at + 1) % TABS.length,
      ArrowLeft: (at - 1 + TABS.length) % TABS.length,
      Home: 0,
      End: TABS.length - 1,
    }[event.key];
    if (to === undefined) return;
    event.preventDefault();
    setTab(TABS[to]!.id);
    document.getElementById(`tab-${TABS[to]!.id}`)?.focus();
  };
  return (
    <>
      <h1>Quản trị</h1>
      <div className="tabs" role="tablist" aria-label="Mục quản trị" onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`tab-${t.id}`}
            aria-selected={t.id === current.id}
            tabIndex={t.id === current.id ? 0 : -1}
            aria-controls="admin-panel"
            onClick={() => setTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="admin-panel" aria-labelledby={`tab-${current.id}`} tabIndex={0}>
        {current.render()}
      </div>
    </>
  );
}
