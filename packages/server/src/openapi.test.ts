/**
 * The API contract: every operation of /api/openapi.json declares its request and its success
 * response; the document is valid OpenAPI 3.1; and a typed client generated from it
 * (openapi-typescript, as a national integration would) compiles, with real types where the web
 * app relies on them. The permission matrix (permissions.test.ts) holds every 2xx body to its
 * declared schema.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import openapiTS, { astToString } from "openapi-typescript";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, startHarness, type Harness } from "./test-support/server-harness.js";

type Operation = {
  parameters?: unknown[];
  requestBody?: { content: Record<string, unknown> };
  responses: Record<string, { content?: Record<string, { schema: Record<string, unknown> }> }>;
};
type Doc = { paths: Record<string, Record<string, Operation>> };

/** Write operations that take no body by design. */
const NO_BODY = new Set(["POST /api/auth/logout", "POST /api/reports/:id/review/undo"]);

describe("the OpenAPI document", () => {
  let h: Harness;
  let doc: Doc;
  beforeAll(async () => {
    h = await startHarness("sqlite");
    doc = (await call(h.app, { url: "/api/openapi.json" })).body as Doc;
  });
  afterAll(async () => h.close());

  const operations = () =>
    Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.entries(ops).map(([method, op]) => ({ name: `${method.toUpperCase()} ${p}`, op })),
    );

  it("declares a request and a typed success response for every operation", () => {
    const missing: string[] = [];
    for (const { name, op } of operations()) {
      const [status, success] =
        Object.entries(op.responses).find(([code]) => /^2\d\d$/.test(code)) ?? [];
      const schema = success?.content?.["application/json"]?.schema;
      const binary = Object.values(success?.content ?? {}).some(
        (c) => (c.schema as { format?: string } | undefined)?.format === "binary",
      );
      if (!status || (!binary && (!schema || Object.keys(schema).length === 0)))
        missing.push(`${name}: response`);
      const writes = /^(POST|PUT|PATCH)/.test(name);
      if (writes && !op.requestBody && !NO_BODY.has(name.replace(/\{(\w+)\}/g, ":$1")))
        missing.push(`${name}: request body`);
    }
    expect(missing).toEqual([]);
    expect(operations().length).toBeGreaterThan(35);
  });

  it("is valid OpenAPI 3.1", async () => {
    const result = await new Validator().validate(doc as unknown as object);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it("generates a typed client that compiles, with the types the web app relies on", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "giamsat-client-"));
    try {
      writeFileSync(path.join(dir, "api.d.ts"), astToString(await openapiTS(doc as never)));
      // a client of three endpoints; each @ts-expect-error fails the compile if the generated
      // type is `unknown` or a bare string where the server declares a closed set
      writeFileSync(
        path.join(dir, "client.ts"),
        `import type { paths } from "./api";
type Json<P extends keyof paths, M extends keyof paths[P], S extends number> =
  paths[P][M] extends { responses: { [K in S]: { content: { "application/json": infer T } } } }
    ? T
    : never;
type TaskList = Json<"/api/tasks", "get", 200>;
type Task = Json<"/api/tasks/{id}", "get", 200>;
type Queue = Json<"/api/reports", "get", 200>;
export function summary(list: TaskList, task: Task, queue: Queue): string {
  const first = list.items[0];
  const status: "done_on_time" | "done_late" | "in_time" | "due_soon" | "overdue" | "no_deadline" | "recurring" | undefined = first?.status;
  const due: string | null = task.deadline.due;
  const share: number | null | undefined = task.reporting.compliance?.share;
  const state: "awaiting_signoff" | "submitted" | "accepted" | "returned" | undefined =
    queue.items[0]?.status;
  // @ts-expect-error a task's status is a closed set
  const wrong: TaskList["items"][number]["status"] = "nonsense";
  // @ts-expect-error the total is a number
  const total: string = list.total;
  return [status, due, share, state, wrong, total].join(" ");
}
`,
      );
      const program = ts.createProgram([path.join(dir, "client.ts")], {
        strict: true,
        noEmit: true,
        target: ts.ScriptTarget.ES2022,
        module: ts.ModuleKind.ESNext,
        moduleResolution: ts.ModuleResolutionKind.Bundler,
        skipLibCheck: false,
        types: [],
      });
      const errors = ts
        .getPreEmitDiagnostics(program)
        .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      expect(errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
