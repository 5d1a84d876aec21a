/**
 * A worksheet's zip entry compressed by zlib's native deflate in libuv's thread pool, so that a
 * national workbook's compression (a quarter of its CPU in fflate) runs beside the main thread
 * that reads the database and writes the rows. Pieces queue in zlib up to `QUEUED` bytes; a push
 * past that waits until zlib has taken them.
 */
import { once } from "node:events";
import { crc32, createDeflateRaw, type ZlibOptions } from "node:zlib";
import type { SheetEntry } from "@giamsat/core";

/** uncompressed bytes allowed to wait in zlib's queue (a few of the writer's pieces) */
const QUEUED = 4 * 1024 * 1024;
/** ZIP's compression method 8: deflate */
const DEFLATE = 8;

export function nativeDeflateEntry(filename: string): SheetEntry {
  // zlib hands its options to its Transform stream (the types do not list the stream's)
  const z = createDeflateRaw({ level: 1, writableHighWaterMark: QUEUED } as ZlibOptions);
  const entry: SheetEntry = {
    filename,
    compression: DEFLATE,
    size: 0,
    crc: 0,
    async push(data, final) {
      entry.size += data.length;
      entry.crc = crc32(data, entry.crc);
      const more = z.write(data);
      if (final) z.end();
      else if (!more) await once(z, "drain");
    },
    terminate() {
      z.destroy();
    },
  };
  z.on("data", (chunk: Buffer) => entry.ondata?.(null, new Uint8Array(chunk), false));
  z.on("end", () => entry.ondata?.(null, new Uint8Array(0), true));
  z.on("error", (error) => {
    const failure = Object.assign(new Error(`nén ${filename}: ${error.message}`), { code: 0 });
    entry.ondata?.(failure, new Uint8Array(0), true);
  });
  return entry;
}
