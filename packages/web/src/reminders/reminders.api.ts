/** The reminder settings endpoints as the administrator's pages use them. */
import type { HolidaysResponse, ReminderSettingsResponse } from "@giamsat/server/api";

export type Holiday = HolidaysResponse["items"][number];

/** A plan's reminder offsets; `explicit` false: the defaults (5 and 1 working days, 15/5/1 days, every 7 days). */
export type PlanReminderSettings = ReminderSettingsResponse;
