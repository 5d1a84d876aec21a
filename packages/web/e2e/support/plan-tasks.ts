import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { signIn } from "./browser.js";
import { addUser, giamsat } from "./cli.js";
import { seedsDir } from "./paths.js";

export type Plan = { id: number; number: string | null };
export type Task = {
  id: number;
  number: string | null;
  name: string;
  kind: string;
  lead: { name: string; orgId: number | null }[];
};

/** GET `url` as the signed-in user of `page`. */
export const getJson = <T>(page: Page, url: string) =>
  page.evaluate(async (u) => (await fetch(u)).json(), url) as Promise<T>;

/** POST (or `method`) `body` as the signed-in user of `page` (with its CSRF token); the status. */
export const sendJson = (page: Page, url: string, body: unknown, method = "POST") =>
  page.evaluate(
    async ([u, b, m]) => {
      const me = (await (await fetch("/api/auth/me")).json()) as { csrfToken: string };
      const res = await fetch(u, {
        method: m,
        headers: { "content-type": "application/json", "x-csrf-token": me.csrfToken },
        body: JSON.stringify(b),
      });
      return res.status;
    },
    [url, body, method] as const,
  );

/** Plan 596 as the signed-in user reads it, imported first when a file runs on its own. */
export async function plan596(page: Page, dataDir: string): Promise<Plan> {
  const find = async () =>
    (await getJson<{ items: Plan[] }>(page, "/api/plans")).items.find((p) =>
      p.number?.startsWith("596"),
    );
  const found = await find();
  if (found) return found;
  await giamsat(dataDir, ["import", path.join(seedsDir, "qd596-bct-2026-nq57-plan.txt")]);
  return (await find())!;
}

/**
 * A task of plan 596 with an end (a recurring one may be sent empty, as "Không phát sinh"), the
 * `fromEnd`-th from the end of the plan, and a new staff account `username` of its lead unit.
 */
export async function unitTask(
  browser: Browser,
  baseUrl: string,
  dataDir: string,
  fromEnd: number,
  username: string,
): Promise<Task> {
  const monitor = await signIn(browser, baseUrl, "theodoi");
  const plan = await plan596(monitor.page, dataDir);
  const tasks = await getJson<{ items: Task[] }>(
    monitor.page,
    `/api/tasks?plan=${plan.id}&limit=200`,
  );
  await monitor.context.close();
  const task = tasks.items.filter((t) => t.lead[0]?.orgId && t.kind !== "recurring").at(-fromEnd)!;
  await addUser(dataDir, username, "unit_staff", task.lead[0]!.name);
  return task;
}
