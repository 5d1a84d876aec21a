/**
 * Reads uploaded plan documents off the main thread, so that a hostile or runaway file cannot
 * freeze the server: each document is parsed in its own worker thread (parse.worker.ts) with a
 * memory limit (`resourceLimits`) and a time limit, and the worker is terminated when it
 * overruns either; the request then gets a 413 saying which limit. At most
 * PARALLEL_PARSES documents are read at once; the others wait their turn.
 */
import { Worker } from "node:worker_threads";
import { DomainError, type ImportResult, type ReportingCalendar } from "@giamsat/core";
import type { ParseAnswer, ParseJob, ParseProgress } from "./parse.worker.js";

export type ParseLimits = { timeoutMs: number; memoryMb: number };

export type ParsedDocument = { result: ImportResult; calendar: ReportingCalendar | null };

const PARALLEL_PARSES = 2;

/**
 * The worker's module: the built file beside this one. Under vitest, which runs the sources, the
 * package's built copy (a worker thread runs plain Node, which cannot load TypeScript).
 */
const workerFile = new URL(
  import.meta.url.endsWith(".ts")
    ? "../../dist/import-worker/parse.worker.js"
    : "./parse.worker.js",
  import.meta.url,
);

let running = 0;
const waiting: (() => void)[] = [];

async function turn(): Promise<() => void> {
  if (running >= PARALLEL_PARSES) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const seconds = (ms: number) => (ms / 1000).toLocaleString("vi-VN");

const tooLarge = (what: string) =>
  new DomainError(
    "payload_too_large",
    `Tệp quá lớn để nhập: ${what}. Hãy bỏ phần thừa hoặc tách văn bản rồi nhập lại.`,
  );

/** Pages of a scan recognised so far, as the worker reports them. */
export type OnParseProgress = (done: number, total: number) => void;

function runWorker(
  job: ParseJob,
  limits: ParseLimits,
  onProgress?: OnParseProgress,
): Promise<ParsedDocument> {
  return new Promise((resolve, reject) => {
    const bytes = new Uint8Array(job.bytes);
    const worker = new Worker(workerFile, {
      workerData: { ...job, bytes },
      transferList: [bytes.buffer],
      resourceLimits: { maxOldGenerationSizeMb: limits.memoryMb },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(tooLarge(`đọc tệp cần quá ${seconds(limits.timeoutMs)} giây nên đã dừng`)),
        ),
      limits.timeoutMs,
    );
    worker.on("message", (answer: ParseAnswer | ParseProgress) => {
      if ("progress" in answer) return onProgress?.(answer.done, answer.total);
      settle(() =>
        answer.ok
          ? resolve({ result: answer.result, calendar: answer.calendar })
          : reject(new DomainError(answer.code, answer.message)),
      );
    });
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? tooLarge(`đọc tệp cần quá ${limits.memoryMb} MB bộ nhớ nên đã dừng`)
            : error,
        ),
      ),
    );
    worker.once("exit", (code) =>
      settle(() => reject(new Error(`Tiến trình đọc tệp dừng bất thường (mã ${code}).`))),
    );
  });
}

/** Reads a plan document in a worker thread within `limits`; refusals keep their code (400, 413). */
export async function parseInWorker(
  job: ParseJob,
  limits: ParseLimits,
  onProgress?: OnParseProgress,
): Promise<ParsedDocument> {
  const done = await turn();
  try {
    return await runWorker(job, limits, onProgress);
  } finally {
    done();
  }
}
