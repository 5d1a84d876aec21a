/** The reminder settings endpoints as the administrator's pages use them. */
export type Holiday = { date: string; name: string };

export type PlanReminderSettings = {
  planId: number;
  /** false: the defaults (5 and 1 working days, 15/5/1 days, every 7 days) */
  explicit: boolean;
  reportDays: number[];
  deadlineDays: number[];
  overdueEveryDays: number;
};
