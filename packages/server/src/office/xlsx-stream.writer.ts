/**
 * An Excel workbook streamed out (the periodic report's annexes, a list page's "Xuất Excel", the
 * national list): core's xlsxChunks piped to `out` as they are compressed, waiting whenever
 * `out` is full, so memory holds one piece of rows, not the workbook; the worksheets are
 * compressed by zlib in the thread pool.
 */
import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { xlsxChunks, type ListSheet } from "@giamsat/core";
import { nativeDeflateEntry } from "./native-deflate.entry.js";

/** Writes the sheets to `out` (ended when done, destroyed on a failure). */
export async function writeXlsx(sheets: readonly ListSheet[], out: Writable): Promise<void> {
  await pipeline(Readable.from(xlsxChunks(sheets, { entry: nativeDeflateEntry })), out);
}
