/**
 * The year an indicator's single target is for when the plan gives no period for it: the
 * plan's own year ("Kế hoạch năm 2026"), else the end of its span ("giai đoạn 2026 – 2030"),
 * else the last year the plan runs to.
 */
import { fold } from "../text/fold.js";

export function planTargetYear(title: string | null, years: { from: number; to: number }): number {
  const text = fold(title ?? "");
  const yearly = /ke hoach(?: hanh dong| cong tac)? nam (\d{4})/.exec(text);
  if (yearly) return Number(yearly[1]);
  const span = /giai doan (\d{4}) ?[-–] ?(\d{4})/.exec(text);
  if (span) return Number(span[2]);
  return years.to;
}
