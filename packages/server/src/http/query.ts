import { dateInput, STATUS_CODES } from "@giamsat/core";
import { z } from "zod";

/** Query-string building blocks (every value arrives as text). */
export const id = z.coerce.number().int().positive();
export const idParams = z.object({ id });
export const asOfParam = dateInput.optional();
export const limitParam = (max = 500, fallback = 50) =>
  z.coerce.number().int().min(1).max(max).default(fallback);
export const offsetParam = z.coerce.number().int().min(0).default(0);
/** `status=overdue,due_soon` or `status=overdue&status=due_soon`. */
export const statusListParam = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (Array.isArray(v) ? v : [v]).flatMap((s) => s.split(",")).filter(Boolean))
  .pipe(z.array(z.enum(STATUS_CODES)))
  .optional();
