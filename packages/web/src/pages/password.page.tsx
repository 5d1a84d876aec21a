import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { ErrorBox, StatusRegion } from "../components/feedback.js";

/** Change one's own password: the current one, the new one twice. Other sessions end. */
export function PasswordPage() {
  const [error, setError] = useState<Error | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword"));
    setError(null);
    setDone(false);
    if (newPassword !== String(data.get("repeat"))) {
      setError(new Error("Nhập lại mật khẩu mới: hai lần nhập không giống nhau."));
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
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>Đổi mật khẩu</h1>
      <form className="card password-form" onSubmit={submit} aria-label="Đổi mật khẩu">
        <div className="field">
          <label htmlFor="pw-current">Mật khẩu hiện tại</label>
          <input
            id="pw-current"
            name="currentPassword"
            type="password"
            required
            autoComplete="current-password"
          />
        </div>
        <div className="field">
          <label htmlFor="pw-new">Mật khẩu mới</label>
          <input
            id="pw-new"
            name="newPassword"
            type="password"
            required
            autoComplete="new-password"
          />
        </div>
        <div className="field">
          <label htmlFor="pw-repeat">Nhập lại mật khẩu mới</label>
          <input
            id="pw-repeat"
            name="repeat"
            type="password"
            required
            autoComplete="new-password"
          />
        </div>
        <ErrorBox error={error} />
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
