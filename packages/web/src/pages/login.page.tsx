import { useState } from "react";
import type { FormEvent } from "react";
import { useSession } from "../auth/session.js";
import { ErrorBox } from "../components/feedback.js";

export function LoginPage({ expired }: { expired: boolean }) {
  const { login } = useSession();
  const [username, setUsername] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(username.trim(), password);
    } catch (e) {
      setError(e as Error);
      setBusy(false);
    }
  };

  return (
    <main className="login">
      <form className="card" onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Giám sát</h1>
        <p className="subtitle">Theo dõi, đánh giá việc thực hiện kế hoạch</p>
        {expired && (
          <p className="alert info">Phiên làm việc đã hết hạn. Vui lòng đăng nhập lại.</p>
        )}
        <div className="field">
          <label htmlFor="username">Tên đăng nhập</label>
          <input
            id="username"
            type="text"
            autoComplete="username"
            required
            autoFocus
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="password">Mật khẩu</label>
          <input
            id="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
        </div>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Đang đăng nhập…" : "Đăng nhập"}
        </button>
      </form>
    </main>
  );
}
