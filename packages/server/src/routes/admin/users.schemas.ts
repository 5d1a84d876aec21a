/** A user account as the administrator's endpoints return it. */
import { z } from "zod";
import { ROLES } from "../../services/actor.js";

export const userSchema = z.object({
  id: z.number(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgId: z.number().nullable(),
  orgName: z.string().nullable(),
  orgIds: z.array(z.number()),
  active: z.boolean(),
  createdAt: z.string(),
  email: z.string().nullable().describe("nơi nhận thư thông báo"),
});

/** An account, for the web app (`@giamsat/server/api`). */
export type UserResponse = z.output<typeof userSchema>;
