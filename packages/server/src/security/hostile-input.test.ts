/**
 * Text made only of invisible characters is not a value; a NUL character is a
 * 400 (PostgreSQL refuses it in text, which gave 500), at login too; malformed multipart
 * (no boundary, truncated) is a 400.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { dialects } from "../../../db/src/test-support/index.js";
import {
  call,
  importSeed,
  makeUser,
  startHarness,
  unitTask,
  type Harness,
} from "../test-support/server-harness.js";

type User = Awaited<ReturnType<typeof makeUser>>;

describe.each(dialects())("hostile text and bodies (%s)", (dialect) => {
  let h: Harness;
  let own: { taskId: number; unitId: number };
  let staff: User;
  let monitor: User;
  beforeAll(async () => {
    h = await startHarness(dialect);
    own = await unitTask(h.ctx, await importSeed(h.ctx, "qd596"));
    staff = await makeUser(h.ctx, "unit_staff", own.unitId);
    monitor = await makeUser(h.ctx, "monitor");
  });
  afterAll(async () => h.close());

  const submit = (payload: object) =>
    call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: staff.headers,
      payload,
    });

  it("a required text of only invisible characters is missing", async () => {
    const res = await submit({ state: "in_progress", summary: "\u200B\u200C\u200D\u2060\uFEFF " });
    expect(res.status).toBe(400);
    expect(res.body.message).toMatch(/summary/);
    const change = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/change-requests`,
      headers: staff.headers,
      payload: { kind: "cancel", reason: "\u200B\u200B" },
    });
    expect(change.status).toBe(400);
    expect(change.body.message).toMatch(/reason/);
  });

  it("a NUL character is a 400 naming the field, at login too", async () => {
    const login = await call(h.app, {
      method: "POST",
      url: "/api/auth/login",
      payload: { username: "admin\u0000", password: "x\u0000y" },
    });
    expect(login.status).toBe(400);
    const report = await submit({ state: "in_progress", summary: "Đã làm\u0000 xong" });
    expect(report.status).toBe(400);
    expect(report.body.message).toMatch(/summary/);
    const search = await call(h.app, {
      url: `/api/tasks?q=${encodeURIComponent("chuyển\u0000đổi")}`,
      headers: monitor.headers,
    });
    expect(search.status).toBe(400);
  });

  it("malformed multipart (no boundary, truncated) is a 400", async () => {
    const noBoundary = await call(h.app, {
      method: "POST",
      url: `/api/tasks/${own.taskId}/reports`,
      headers: { ...staff.headers, "content-type": "multipart/form-data" },
      payload: '--x\r\nContent-Disposition: form-data; name="data"\r\n\r\n{}\r\n--x--\r\n',
    });
    expect(noBoundary.status).toBe(400);
    const truncated = await call(h.app, {
      method: "POST",
      url: "/api/imports/preview",
      headers: { ...monitor.headers, "content-type": "multipart/form-data; boundary=abc" },
      payload:
        '--abc\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nPHỤ LỤC',
    });
    expect(truncated.status).toBe(400);
  });
});
