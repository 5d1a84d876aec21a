import { fieldsByPath, type FieldOf } from "../forms/form-errors.js";

/** The account forms' fields by the path the server names them with; ids start with `prefix-`. */
export const userFieldOf = (prefix: string): FieldOf =>
  fieldsByPath({
    username: { id: `${prefix}-name`, label: "Tên đăng nhập" },
    displayName: { id: `${prefix}-display`, label: "Họ và tên" },
    email: { id: `${prefix}-email`, label: "E-mail nhận thông báo" },
    password: { id: `${prefix}-password`, label: "Mật khẩu ban đầu" },
    role: { id: `${prefix}-role`, label: "Vai trò" },
    orgId: { id: `${prefix}-org`, label: "Đơn vị" },
  });
