/**
 * "Today" is the Vietnamese day of the service context's clock everywhere a rule needs it: the
 * public plan page and its monthly open data, a task's page and the indicators when no date is
 * asked for. The harness fixes the clock; 17:30 UTC is already the next day in Vietnam (UTC+7).
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  publishPlan,
  startHarness,
  unitTask,
  type Harness,
} from "./test-support/server-harness.js";

describe.each(dialects())("the context's clock (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let taskId: number;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect, {}, { now: new Date("2026-06-15T17:30:00Z") });
    plan = await importSeed(h.ctx, "qd596");
    ({ taskId } = await unitTask(h.ctx, plan));
    monitor = await makeUser(h.ctx, "monitor");
    const published = await publishPlan(h.app, monitor.headers, plan);
    expect(published.status).toBe(200);
  });
  afterAll(async () => h.close());

  it("counts the public page and the month under way as of the context's Vietnamese day", async () => {
    const page = await call(h.app, { url: `/api/public/plans/${plan}` });
    expect(page.body.asOf).toBe("2026-06-16");
    const june = await call(h.app, { url: `/api/public/plans/${plan}/data/2026-06.json` });
    expect(JSON.parse(june.res.body).asOf).toBe("2026-06-16");
    const may = await call(h.app, { url: `/api/public/plans/${plan}/data/2026-05.json` });
    expect(JSON.parse(may.res.body).asOf).toBe("2026-05-31");
  });

  it("gives a task's page and the indicators the context's day when no date is asked", async () => {
    const task = await call(h.app, { url: `/api/tasks/${taskId}`, headers: monitor.headers });
    expect(task.body.asOf).toBe("2026-06-16");
    const indicators = await call(h.app, {
      url: `/api/indicators?plan=${plan}`,
      headers: monitor.headers,
    });
    expect(indicators.status).toBe(200);
    expect(indicators.body.asOf).toBe("2026-06-16");
  });
});
