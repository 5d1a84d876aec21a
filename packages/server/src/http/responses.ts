/**
 * Response schemas shared by several endpoints (the views' own schemas live beside the views,
 * in services/*.view.ts, with their types inferred from them).
 */
import { z } from "zod";

/** `{ id }` of what a write created or changed. */
export const idResponse = z.object({ id: z.number() });

/** `{ items }` of a list. */
export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** `{ items, total }` of a paged list. */
export const pageOf = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number() });

/** A file download (the body is the file's bytes). */
export const fileResponse = z.string().describe("nội dung tệp (nhị phân)");
