/**
 * Renders, when fanned out, the bodies the day's run stored as their content (a report-day
 * reminder's task ids): the tasks' numbers and names are read then, for a batch at once.
 */
import { deferredTaskIds, renderDeferred } from "@giamsat/core";
import { saveRenderedBodies, taskRefsByIds, unrenderedBodies } from "@giamsat/db";
import type { Ctx } from "../services/context.js";

export async function renderDeferredBodies(ctx: Ctx, fanoutIds: readonly number[]): Promise<void> {
  const stored = await unrenderedBodies(ctx.db, fanoutIds);
  if (!stored.length) return;
  const tasks = await taskRefsByIds(
    ctx.db,
    stored.flatMap((b) => deferredTaskIds(b.content)),
  );
  await saveRenderedBodies(
    ctx.db,
    stored.map((b) => {
      const m = renderDeferred(b.content, tasks, ctx.config.siteUrl);
      return { id: b.id, text: m.text, html: m.html };
    }),
  );
}
