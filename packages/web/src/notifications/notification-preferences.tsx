import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import type { Preferences } from "./notifications.api.js";

/**
 * Per kind of notification: in the app, by e-mail (one mail each, or gathered in one mail a
 * day), or both (saved for the signed-in user).
 */
export function NotificationPreferences() {
  const prefs = useResource("notification-prefs", (signal) =>
    api<Preferences>("/api/notifications/preferences", { signal }),
  );
  const [error, setError] = useState<Error | null>(null);
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    setError(null);
    setSaved(false);
    try {
      await api("/api/notifications/preferences", {
        method: "PUT",
        body: {
          kinds: (prefs.data?.kinds ?? []).map((k) => ({
            kind: k.kind,
            inApp: data.has(`${k.kind}:in_app`),
            email: data.has(`${k.kind}:email`),
            digest: data.has(`${k.kind}:digest`),
          })),
        },
      });
      setSaved(true);
      prefs.reload();
    } catch (e) {
      setError(e as Error);
    }
  };

  if (prefs.loading && !prefs.data) return <Loading />;
  if (!prefs.data) return <ErrorBox error={prefs.error} />;
  return (
    <form className="card" onSubmit={save} aria-labelledby="prefs-title">
      <h2 id="prefs-title">Cách nhận thông báo</h2>
      <p className="hint">
        {prefs.data.email
          ? `Thư điện tử gửi tới ${prefs.data.email}.`
          : "Tài khoản chưa có địa chỉ e-mail: chỉ nhận thông báo trong ứng dụng (liên hệ quản trị để thêm)."}{" "}
        “Gộp thư”: e-mail của loại đó không gửi riêng mà gộp vào một thư tổng hợp mỗi sáng.
      </p>
      <div className="table-wrap">
        <table className="prefs-table">
          <thead>
            <tr>
              <th scope="col">Loại thông báo</th>
              <th scope="col">Ứng dụng</th>
              <th scope="col">E-mail</th>
              <th scope="col">Gộp thư</th>
            </tr>
          </thead>
          <tbody>
            {prefs.data.kinds.map((k) => (
              <tr key={k.kind}>
                <th scope="row">{k.label}</th>
                <td>
                  <input
                    type="checkbox"
                    name={`${k.kind}:in_app`}
                    defaultChecked={k.inApp}
                    aria-label={`${k.label}: trong ứng dụng`}
                  />
                </td>
                <td>
                  <input
                    type="checkbox"
                    name={`${k.kind}:email`}
                    defaultChecked={k.email}
                    aria-label={`${k.label}: e-mail`}
                  />
                </td>
                <td>
                  {k.digestible && (
                    <input
                      type="checkbox"
                      name={`${k.kind}:digest`}
                      defaultChecked={k.digest}
                      aria-label={`${k.label}: gộp vào thư tổng hợp hằng ngày`}
                    />
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ErrorBox error={error} />
      <StatusRegion>
        {saved && <p className="alert success">Đã lưu cách nhận thông báo.</p>}
      </StatusRegion>
      <button type="submit">Lưu</button>
    </form>
  );
}
