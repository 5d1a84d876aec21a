import { StatusRegion } from "../components/feedback.js";
import { useEffect, useRef, useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation, Role, UserView } from "../api/types.js";
import { useChosenOrganisation } from "../api/use-organisation.js";
import { OrgCombobox } from "../components/org-combobox.js";
import { RoleOptions } from "../components/role-options.js";
import { ROLE_LABELS } from "../format/status.format.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import { userFieldOf } from "./user-fields.js";

/** What a role lets an account do, said before an administrator gives it. */
const ROLE_REACH: Record<Role, string> = {
  admin: "quản trị tài khoản, vai trò, danh mục đơn vị và lịch báo cáo của toàn hệ thống",
  leader: "xem mọi kế hoạch, kể cả nhiệm vụ mật, và quyết định các đề xuất điều chỉnh",
  monitor: "nhập kế hoạch, duyệt báo cáo của mọi đơn vị và xem cả nhiệm vụ mật",
  unit_head: "báo cáo và đề xuất cho đơn vị, kể cả nhiệm vụ mật",
  unit_staff: "báo cáo và đề xuất cho đơn vị, trừ nhiệm vụ mật",
};

type Props = { user: UserView; onSaved: (message: string) => void; onClose: () => void };

/**
 * One account: name, role and unit; a new role takes effect only once confirmed. Resetting the
 * password (after a confirmation) shows the generated one once and ends the user's sessions.
 */
export function AdminUserEdit({ user, onSaved, onClose }: Props) {
  const [loadedOrg, setLoadedOrg] = useChosenOrganisation(user.orgId ? String(user.orgId) : null);
  const [orgTouched, setOrgTouched] = useState(false);
  const [role, setRole] = useState<Role>(user.role);
  const [confirming, setConfirming] = useState<"role" | "password" | null>(null);
  const [newPassword, setNewPassword] = useState<string | null>(null);
  const errors = useFormErrors(userFieldOf("e"));
  const [displayName, setDisplayName] = useState(user.displayName);
  const first = useRef<HTMLInputElement>(null);
  useEffect(() => {
    first.current?.scrollIntoView({ block: "center" });
    first.current?.focus({ preventScroll: true });
  }, []);

  const save = async () => {
    errors.clear();
    try {
      await api(`/api/users/${user.id}`, {
        method: "PATCH",
        body: {
          displayName,
          role,
          ...(orgTouched ? { orgId: loadedOrg?.id ?? null } : {}),
        },
      });
      setConfirming(null);
      onSaved(`Đã lưu tài khoản ${user.username}.`);
    } catch (e) {
      setConfirming(null);
      errors.show(e as Error);
    }
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (role !== user.role) setConfirming("role");
    else void save();
  };
  const resetPassword = async () => {
    errors.clear();
    try {
      const { password } = await api<{ password: string }>(`/api/users/${user.id}/password`, {
        body: {},
      });
      setNewPassword(password);
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setConfirming(null);
    }
  };

  return (
    <form
      className="card user-edit"
      onSubmit={submit}
      aria-labelledby="edit-user-title"
      {...errors.formProps}
    >
      <h2 id="edit-user-title">Tài khoản {user.username}</h2>
      <ErrorSummary errors={errors} />
      <div className="filters">
        <div className="field">
          <label htmlFor="e-display">Họ và tên</label>
          <input
            ref={first}
            id="e-display"
            type="text"
            required
            maxLength={200}
            value={displayName}
            onChange={(e) => setDisplayName(e.target.value)}
            {...errors.field("e-display")}
          />
          <FieldError errors={errors} id="e-display" />
        </div>
        <div className="field">
          <label htmlFor="e-role">Vai trò</label>
          <select
            id="e-role"
            value={role}
            onChange={(e) => setRole(e.target.value as Role)}
            {...errors.field("e-role")}
          >
            <RoleOptions />
          </select>
          <FieldError errors={errors} id="e-role" />
        </div>
        <OrgCombobox
          id="e-org"
          label="Đơn vị"
          placeholder="Để trống nếu không thuộc đơn vị"
          kind="unit"
          value={loadedOrg}
          onChange={(org: Organisation | null) => {
            setOrgTouched(true);
            setLoadedOrg(org);
          }}
          errors={errors}
        />
      </div>
      {confirming === "role" && (
        <div
          className="alert warning"
          role="alertdialog"
          aria-labelledby="confirm-role-title"
          aria-describedby="confirm-role-reach"
        >
          <p id="confirm-role-title">
            Đổi vai trò của <strong>{user.username}</strong> từ “{ROLE_LABELS[user.role]}” thành “
            {ROLE_LABELS[role]}”?
          </p>
          <p id="confirm-role-reach">Với vai trò mới, tài khoản này sẽ {ROLE_REACH[role]}.</p>
          <div className="actions">
            <button type="button" autoFocus onClick={() => void save()}>
              Xác nhận đổi vai trò
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              Giữ vai trò cũ
            </button>
          </div>
        </div>
      )}
      {confirming === "password" && (
        <div className="alert warning" role="alertdialog" aria-labelledby="confirm-reset-title">
          <p id="confirm-reset-title">
            Đặt lại mật khẩu của <strong>{user.username}</strong>? Người dùng sẽ bị đăng xuất khỏi
            mọi phiên; mật khẩu mới chỉ hiển thị một lần.
          </p>
          <div className="actions">
            <button type="button" autoFocus onClick={() => void resetPassword()}>
              Đặt lại mật khẩu
            </button>
            <button type="button" className="secondary" onClick={() => setConfirming(null)}>
              Không đặt lại
            </button>
          </div>
        </div>
      )}
      <StatusRegion>
        {newPassword && (
          <p className="alert success">
            Mật khẩu mới của {user.username}: <code data-testid="new-password">{newPassword}</code>{" "}
            — hãy chuyển cho người dùng và đề nghị họ đổi mật khẩu sau khi đăng nhập.
          </p>
        )}
      </StatusRegion>
      <div className="actions">
        <button type="submit" disabled={confirming !== null}>
          Lưu thay đổi
        </button>
        <button
          type="button"
          className="secondary"
          disabled={confirming !== null}
          onClick={() => {
            setNewPassword(null);
            setConfirming("password");
          }}
        >
          Đặt lại mật khẩu…
        </button>
        <button type="button" className="secondary" onClick={onClose}>
          Đóng
        </button>
      </div>
    </form>
  );
}
