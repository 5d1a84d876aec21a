/** The demo's indicator values on plan 596: plausible, accepted, every kind of warning. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  type Harness,
} from "../../../server/src/test-support/server-harness.js";
import { seedDemoValues } from "./demo-values.js";

type Item = {
  number: string;
  unit: string | null;
  kind: string;
  latest: { period: string; value: number } | null;
  warning: string;
};

describe.each(dialects())("demo indicator values (%s)", (dialect) => {
  let h: Harness;
  let plan: number;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    plan = await importSeed(h.ctx, "qd596");
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  it("gives plan 596's indicators four months of accepted values with varied warnings", async () => {
    const actor = {
      userId: monitor.user.id,
      username: monitor.username,
      displayName: monitor.username,
      role: "monitor" as const,
      orgId: null,
      units: null,
      via: "session" as const,
    };
    const created = await seedDemoValues(h.ctx, actor, "2026-06-15");
    expect(created).toBeGreaterThanOrEqual(30);
    const values = await h.ctx.db
      .selectFrom("indicator_values")
      .select(["period", "status", "source"])
      .execute();
    expect(new Set(values.map((v) => v.period))).toEqual(
      new Set(["2026-02", "2026-03", "2026-04", "2026-05"]),
    );
    expect(values.every((v) => v.status === "accepted" && v.source === "xlsx")).toBe(true);

    const list = await call(h.app, {
      url: `/api/indicators?plan=${plan}&asOf=2026-06-15`,
      headers: monitor.headers,
    });
    const items = list.body.items as Item[];
    const rates = items.filter((i) => i.unit === "%" && i.latest);
    expect(rates.length).toBeGreaterThan(5);
    expect(rates.every((i) => i.latest!.value > 0 && i.latest!.value <= 100)).toBe(true);
    expect(items.find((i) => i.number === "11")?.latest?.period).toBe("2026-05");
    const warnings = new Set(items.map((i) => i.warning));
    expect(warnings.size).toBeGreaterThanOrEqual(3);
    expect([...warnings].some((w) => w === "at_risk" || w === "off_track")).toBe(true);
    expect([...warnings].some((w) => w === "on_track" || w === "achieved")).toBe(true);
  });
});
