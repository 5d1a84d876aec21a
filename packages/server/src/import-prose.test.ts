/**
 * A meeting conclusion with no task table through the API: the preview
 * proposes the tasks its sentences assign; nothing is stored unconfirmed; only the confirmed
 * ones are stored.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../db/src/test-support/index.js";
import {
  call,
  makeUser,
  previewUpload,
  startHarness,
  type Harness,
} from "./test-support/server-harness.js";

const CONCLUSION = readFileSync(
  fileURLToPath(new URL("../../core/src/import/fixtures/thong-bao-ket-luan.txt", import.meta.url)),
);

describe.each(dialects())("tasks assigned in prose, confirmed one by one (%s)", (dialect) => {
  let h: Harness;
  let monitor: Awaited<ReturnType<typeof makeUser>>;
  beforeAll(async () => {
    h = await startHarness(dialect);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  it("stores only the confirmed tasks, and nothing when none is confirmed", async () => {
    const shown = await previewUpload(h.app, monitor.headers, {
      name: "ket-luan.txt",
      content: CONCLUSION,
    });
    expect(shown.status).toBe(200);
    const proposed = shown.body.result.appendices[0].tasks as { name: string; line: number }[];
    expect(proposed).toHaveLength(3);

    const none = await call(h.app, {
      method: "POST",
      url: "/api/imports",
      headers: monitor.headers,
      payload: { uploadId: shown.body.uploadId },
    });
    expect(none.status).toBe(400);
    expect(none.body.message).toMatch(/^confirmProse: chưa xác nhận nhiệm vụ nào/);
    expect(await h.ctx.db.selectFrom("plans").select("id").execute()).toEqual([]);

    // the second and third sentences are in one paragraph: confirmed by position, not line
    const chosen = [proposed[0]!, proposed[2]!];
    const stored = await call(h.app, {
      method: "POST",
      url: "/api/imports",
      headers: monitor.headers,
      payload: { uploadId: shown.body.uploadId, confirmProse: [0, 2] },
    });
    expect(stored.status).toBe(201);
    expect(stored.body.tasks).toBe(2);
    const names = await h.ctx.db
      .selectFrom("tasks")
      .select("name")
      .where("plan_id", "=", stored.body.planId)
      .orderBy("id")
      .execute();
    expect(names.map((t) => t.name)).toEqual(chosen.map((t) => t.name));
  });
});
