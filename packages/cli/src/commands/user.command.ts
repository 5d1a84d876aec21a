/**
 * `giamsat user add --username U --role R [--org NAME] [--password P] [--name "Họ tên"]
 * [--email E]`, `giamsat user token U [--name NAME]` (the token is the last line of the output),
 * `giamsat user token U --list` and `giamsat user token U --revoke ID|all`.
 */
import { findOrganisation } from "@giamsat/db";
import {
  createUser,
  issueTokenFor,
  listTokensFor,
  revokeAllTokens,
  revokeTokenFor,
  ROLES,
  userNamed,
  type Role,
} from "@giamsat/server";
import { parseCommandArgs } from "../args.js";
import { CliFailure, EXIT_OK, type CliIO, type Command } from "../command.js";
import { configFrom, withRuntime } from "./serve.context.js";

const help = [
  "Cách dùng:",
  '  giamsat user add --username U --role VAI_TRÒ [--org "TÊN ĐƠN VỊ"] [--password P] [--name "HỌ TÊN"] [--email E]',
  "  giamsat user token U [--name TÊN_MÃ]",
  "  giamsat user token U --list",
  "  giamsat user token U --revoke SỐ_HIỆU|all",
  "",
  `Vai trò: ${ROLES.join(", ")}. Tài khoản unit_head/unit_staff phải có --org.`,
  "Không nhập --password thì hệ thống sinh mật khẩu và in ra một lần.",
  "--email: địa chỉ nhận thư nhắc việc, thông báo (không có: chỉ thông báo trong ứng dụng).",
  "user token in mã truy cập API ở dòng cuối (dùng: Authorization: Bearer <mã>).",
].join("\n");

const text = (value: unknown): string | undefined =>
  typeof value === "string" ? value : undefined;

async function add(args: string[], io: CliIO): Promise<number> {
  const { values: raw } = parseCommandArgs(
    args,
    {
      username: { type: "string" },
      role: { type: "string" },
      org: { type: "string" },
      password: { type: "string" },
      name: { type: "string" },
      email: { type: "string" },
    },
    "user",
  );
  const values = {
    username: text(raw.username),
    role: text(raw.role),
    org: text(raw.org),
    password: text(raw.password),
    name: text(raw.name),
    email: text(raw.email),
  };
  if (!values.username || !values.role)
    throw new CliFailure("Thiếu --username hoặc --role. Xem: giamsat user --help");
  if (!ROLES.includes(values.role as Role))
    throw new CliFailure(`Vai trò không hợp lệ: "${values.role}". Chọn: ${ROLES.join(", ")}`);
  return withRuntime(configFrom(io), async ({ ctx }) => {
    let orgId: number | null = null;
    if (values.org) {
      const org = await findOrganisation(ctx.db, values.org);
      if (!org) throw new CliFailure(`Không tìm thấy đơn vị "${values.org}" trong danh mục.`);
      orgId = org.id;
    }
    const { user, password } = await createUser(ctx, null, {
      username: values.username as string,
      role: values.role as Role,
      orgId,
      ...(values.password ? { password: values.password } : {}),
      ...(values.name ? { displayName: values.name } : {}),
      ...(values.email ? { email: values.email } : {}),
    }).catch((error: Error) => {
      throw new CliFailure(error.message);
    });
    io.stdout.write(
      `Đã tạo tài khoản ${user.username} (${user.role}${user.orgName ? `, ${user.orgName}` : ""}${user.email ? `, ${user.email}` : ""}).\n`,
    );
    if (password) io.stdout.write(`Mật khẩu: ${password}\n`);
    return EXIT_OK;
  });
}

async function token(args: string[], io: CliIO): Promise<number> {
  const { values, positionals } = parseCommandArgs(
    args,
    { name: { type: "string" }, list: { type: "boolean" }, revoke: { type: "string" } },
    "user",
  );
  const username = positionals[0];
  if (!username) throw new CliFailure("Thiếu tên đăng nhập. Cách dùng: giamsat user token U");
  const revoke = text(values.revoke);
  if (values.list === true || revoke !== undefined) {
    return withRuntime(configFrom(io), async ({ ctx }) => {
      const user = await userNamed(ctx, username).catch((error: Error) => {
        throw new CliFailure(error.message);
      });
      if (revoke === "all") {
        const n = await ctx.db
          .transaction()
          .execute((trx) => revokeAllTokens(trx, null, user.id, "giamsat user token --revoke all"));
        io.stdout.write(`Đã thu hồi ${n} mã truy cập của ${username}.\n`);
      } else if (revoke !== undefined) {
        const tokenId = Number(revoke);
        if (!Number.isInteger(tokenId) || tokenId <= 0)
          throw new CliFailure(`--revoke cần số hiệu mã hoặc "all", nhận "${revoke}".`);
        await revokeTokenFor(ctx, null, user.id, tokenId).catch((error: Error) => {
          throw new CliFailure(error.message);
        });
        io.stdout.write(`Đã thu hồi mã truy cập số ${tokenId} của ${username}.\n`);
      } else {
        const tokens = await listTokensFor(ctx, null, user.id);
        if (!tokens.length) io.stdout.write(`${username} không có mã truy cập nào.\n`);
        for (const t of tokens) io.stdout.write(`${t.id}\t${t.name}\ttạo ${t.createdAt}\n`);
      }
      return EXIT_OK;
    });
  }
  return withRuntime(configFrom(io), async ({ ctx }) => {
    const value = await issueTokenFor(ctx, null, username, text(values.name) ?? "cli").catch(
      (error: Error) => {
        throw new CliFailure(error.message);
      },
    );
    io.stdout.write(`Mã truy cập API của ${username} (chỉ hiện một lần):\n${value}\n`);
    return EXIT_OK;
  });
}

export const userCommand: Command = {
  name: "user",
  summary: "Tạo tài khoản, cấp mã truy cập API",
  help,
  run: async (args, io) => {
    const [sub, ...rest] = args;
    if (sub === "add") return add(rest, io);
    if (sub === "token") return token(rest, io);
    throw new CliFailure(`Lệnh con không có: "${sub ?? ""}". Dùng: user add | user token`);
  },
};
