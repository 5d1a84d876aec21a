/** `--plan SỐ`: a stored plan by its number, whole ("596/QĐ-BCT") or before the slash ("596"). */
import { listPlans } from "@giamsat/db";
import type { Ctx } from "@giamsat/server";
import { CliFailure } from "../command.js";

export async function planIdByNumber(ctx: Ctx, plan: string): Promise<number> {
  const plans = await listPlans(ctx.db);
  const found = plans.filter(
    (p) => p.number !== null && (p.number === plan || p.number.split("/")[0] === plan),
  );
  if (found.length !== 1) {
    const known = plans
      .map((p) => p.number)
      .filter(Boolean)
      .join(", ");
    throw new CliFailure(
      found.length
        ? `--plan: số "${plan}" khớp ${found.length} kế hoạch, ghi đủ số hiệu (${found.map((p) => p.number).join(", ")}).`
        : `--plan: không có kế hoạch số "${plan}" (có: ${known || "chưa nhập kế hoạch nào"}).`,
    );
  }
  return found[0]!.id;
}
