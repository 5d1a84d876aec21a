/**
 * PAKN reminders of the day (the same daily run and outbox as task reminders): a routed
 * submission still unanswered is told to its unit (staff and heads) FEEDBACK_REMIND_DAYS working
 * days before its answer deadline and on the deadline day; the day after the deadline it is
 * escalated to the unit's heads and the monitoring department — each once (the outbox key:
 * submission, deadline, step).
 */
import { feedbackReminderMessage, workingDaysBefore, type Holidays } from "@giamsat/core";
import { routedFeedback } from "@giamsat/db";
import type { Ctx } from "../services/context.js";
import type { Audience, Told } from "./fanout.js";

export const FEEDBACK_REMIND_DAYS = 3;

const dayAfter = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export async function planFeedbackReminders(
  ctx: Ctx,
  asOf: string,
  holidays: Holidays,
): Promise<Told[]> {
  const out: Told[] = [];
  for (const f of await routedFeedback(ctx.db)) {
    const deadline = f.deadline!;
    const step =
      asOf === workingDaysBefore(deadline, FEEDBACK_REMIND_DAYS, holidays)
        ? `due-${FEEDBACK_REMIND_DAYS}`
        : asOf === deadline
          ? "due-0"
          : asOf === dayAfter(deadline)
            ? "overdue"
            : null;
    if (!step || f.unit_id === null) continue;
    const message = feedbackReminderMessage(
      {
        step: step === "overdue" ? "overdue" : "due",
        feedback: { ...f, deadline },
        unitName: f.unit_name,
        asOf,
      },
      ctx.config.siteUrl,
    );
    const to: Audience[] =
      step === "overdue"
        ? [
            { orgId: f.unit_id, audience: "unit_head" },
            { orgId: null, audience: "monitor" },
          ]
        : [{ orgId: f.unit_id, audience: "unit" }];
    for (const audience of to)
      out.push({
        key: { rule: "feedback_due", item: `feedback:${f.id}`, period: deadline, step },
        to: audience,
        message,
      });
  }
  return out;
}
