import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { StatusRegion } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldProblem, fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({
  currentPassword: { id: "pw-current", label: "Mật khẩu hiện tại" },
  newPassword: { id: "pw-new", label: "Mật khẩu mới" },
  repeat: { id: "pw-repeat", label: "Nhập lại mật khẩu mới" },
});

/** Change one's own password: the current one, the new one twice. Other sessions end. */
export function PasswordPage() {
  const errors = useFormErrors(fieldOf);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword"));
    errors.clear();
    setDone(false);
    if (newPassword !== String(data.get("repeat"))) {
      errors.show(fieldProblem("repeat", "Hai lần nhập mật khẩu mới không giống nhau."));
      return;
    }
    setBusy(true);
    try {
      await api("/api/auth/password", {
        body: { currentPassword: String(data.get("currentPassword")), newPassword },
      });
      form.reset();
      setDone(true);
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Đổi mật khẩu</h1>
      <form
        className="card password-form"
        onSubmit={submit}
        aria-label="Đổi mật khẩu"
        {...errors.formProps}
      >
        <ErrorSummary errors={errors} />
        <div className="field">
          <label htmlFor="pw-current">Mật khẩu hiện tại</label>
          <input
            id="pw-current"
            name="currentPassword"
            type="password"
            required
            autoComplete="current-password"
            {...errors.field("pw-current")}
          />
          <FieldError errors={errors} id="pw-current" />
        </div>
        <div className="field">
          <label htmlFor="pw-new">Mật khẩu mới</label>
          <input
            id="pw-new"
            name="newPassword"
            type="password"
            required
            autoComplete="new-password"
            {...errors.field("pw-new")}
          />
          <FieldError errors={errors} id="pw-new" />
        </div>
        <div className="field">
          <label htmlFor="pw-repeat">Nhập lại mật khẩu mới</label>
          <input
            id="pw-repeat"
            name="repeat"
            type="password"
            required
            autoComplete="new-password"
            {...errors.field("pw-repeat")}
          />
          <FieldError errors={errors} id="pw-repeat" />
        </div>
        <StatusRegion>
          {done && (
            <p className="alert success">
              Đã đổi mật khẩu. Các phiên đăng nhập khác của tài khoản đã kết thúc.
            </p>
          )}
        </StatusRegion>
        <button type="submit" disabled={busy}>
          {busy ? "Đang đổi…" : "Đổi mật khẩu"}
        </button>
      </form>
    </>
  );
}
