import { z } from "zod";
import { ROLES } from "../../services/actor.js";

export const loginBody = z.object({
  username: z.string().trim().min(1, "Nhập tên đăng nhập").max(100),
  password: z.string().min(1, "Nhập mật khẩu").max(500),
});

export const ownPasswordBody = z.object({
  currentPassword: z.string().min(1, "Nhập mật khẩu hiện tại").max(500),
  newPassword: z.string().max(500),
});

export const meResponse = z.object({
  user: z.object({
    id: z.number(),
    username: z.string(),
    displayName: z.string(),
    role: z.enum(ROLES),
    roleLabel: z.string(),
    org: z.object({ id: z.number(), name: z.string() }).nullable(),
    units: z.array(z.number()).nullable(),
  }),
  csrfToken: z.string().nullable(),
});
export type MeResponse = z.infer<typeof meResponse>;
