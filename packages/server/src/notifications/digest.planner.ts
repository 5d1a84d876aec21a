/**
 * The digests due on a day: every working day, one mail to each member of the monitoring
 * department listing the reports and indicator values waiting for review (not one per report or
 * value); on the first working day of each week, one to each leader: what became overdue and
 * what was completed in the previous seven days, and the units with the most overdue tasks.
 */
import {
  addDays,
  isFirstWorkingDayOfWeek,
  isWorkingDay,
  leaderDigestMessage,
  reviewDigestMessage,
  type Holidays,
} from "@giamsat/core";
import {
  tasksBecameOverdue,
  tasksCompletedBetween,
  unitsMostOverdue,
  waitingIndicatorValues,
  waitingReports,
  type DigestTaskRow,
} from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import type { Told } from "./fanout.js";

const LISTED = 50;

const digestTask = (r: DigestTaskRow) => ({
  id: r.id,
  number: r.number,
  name: r.name,
  unitName: r.unit_name ?? "(chưa rõ đơn vị)",
});

export async function planDigests(ctx: Ctx, asOf: string, holidays: Holidays): Promise<Told[]> {
  if (!isWorkingDay(asOf, holidays)) return [];
  const out: Told[] = [];
  const site = ctx.config.siteUrl;
  const [waiting, values] = await Promise.all([
    waitingReports(ctx.db, LISTED),
    waitingIndicatorValues(ctx.db, LISTED),
  ]);
  if (waiting.total + values.total > 0) {
    const message = reviewDigestMessage(
      {
        day: asOf,
        total: waiting.total,
        waiting: waiting.rows.map(digestTask),
        values: {
          total: values.total,
          waiting: values.rows.map((v) => ({ ...digestTask(v), period: v.period })),
        },
      },
      site,
    );
    out.push({
      key: { rule: "review_digest", item: "reports", period: asOf, step: "0" },
      to: { orgId: null, audience: "monitor" },
      message,
    });
  }
  if (isFirstWorkingDayOfWeek(asOf, holidays)) {
    const from = addDays(asOf, -7);
    const to = addDays(asOf, -1);
    const [overdue, completed, lateUnits] = await Promise.all([
      tasksBecameOverdue(ctx.db, from, to, LISTED),
      tasksCompletedBetween(ctx.db, from, to, LISTED),
      unitsMostOverdue(ctx.db, asOf, 10),
    ]);
    const message = leaderDigestMessage(
      {
        from,
        to,
        newlyOverdue: { total: overdue.total, tasks: overdue.rows.map(digestTask) },
        completed: { total: completed.total, tasks: completed.rows.map(digestTask) },
        lateUnits,
      },
      site,
    );
    out.push({
      key: { rule: "leader_digest", item: "week", period: asOf, step: "0" },
      to: { orgId: null, audience: "leader" },
      message,
    });
  }
  return out;
}
