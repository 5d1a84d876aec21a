/** The periodic report's annexes as an .xlsx file (one sheet per annex). */
import { PassThrough } from "node:stream";
import type { PeriodicReportDoc } from "@giamsat/core";
import { writeXlsx } from "../office/xlsx-stream.writer.js";

/** The report's annexes as .xlsx bytes. */
export async function renderXlsx(doc: PeriodicReportDoc): Promise<Buffer> {
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const ended = new Promise((resolve) => out.on("end", resolve));
  await writeXlsx(doc.annexes, out);
  await ended;
  return Buffer.concat(chunks);
}
