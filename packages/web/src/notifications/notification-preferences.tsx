import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import { useResource } from "../api/use-resource.js";
import { ErrorBox, Loading, StatusRegion } from "../components/feedback.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import type { FieldOf } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";
import type { Preferences } from "./notifications.api.js";

const CHANNELS = { inApp: "trong ứng dụng", email: "e-mail", digest: "gộp thư" } as const;

/** The checkbox a saved path names ("kinds.2.email": the third kind's e-mail box). */
const boxOf =
  (kinds: Preferences["kinds"]): FieldOf =>
  (path) => {
    const match = /^kinds\.(\d+)\.(inApp|email|digest)$/.exec(path);
    const kind = match && kinds[Number(match[1])];
    if (!match || !kind) return undefined;
    const channel = match[2] as keyof typeof CHANNELS;
    return { id: `pref-${kind.kind}-${channel}`, label: `${kind.label}: ${CHANNELS[channel]}` };
  };

/**
 * Per kind of notification: in the app, by e-mail (one mail each, or gathered in one mail a
 * day), or both (saved for the signed-in user).
 */
export function NotificationPreferences() {
  const prefs = useResource("notification-prefs", (signal) =>
    api<Preferences>("/api/notifications/preferences", { signal }),
  );
  const errors = useFormErrors(boxOf(prefs.data?.kinds ?? []));
  const [saved, setSaved] = useState(false);

  const save = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    errors.clear();
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
      errors.show(e as Error);
    }
  };

  if (prefs.loading && !prefs.data) return <Loading />;
  if (!prefs.data) return <ErrorBox error={prefs.error} />;
  return (
    <form className="card" onSubmit={save} aria-labelledby="prefs-title" {...errors.formProps}>
      <h2 id="prefs-title">Cách nhận thông báo</h2>
      <ErrorSummary errors={errors} />
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
                    id={`pref-${k.kind}-inApp`}
                    name={`${k.kind}:in_app`}
                    defaultChecked={k.inApp}
                    aria-label={`${k.label}: trong ứng dụng`}
                    {...errors.field(`pref-${k.kind}-inApp`)}
                  />
                  <FieldError errors={errors} id={`pref-${k.kind}-inApp`} />
                </td>
                <td>
                  <input
                    type="checkbox"
                    id={`pref-${k.kind}-email`}
                    name={`${k.kind}:email`}
                    defaultChecked={k.email}
                    aria-label={`${k.label}: e-mail`}
                    {...errors.field(`pref-${k.kind}-email`)}
                  />
                  <FieldError errors={errors} id={`pref-${k.kind}-email`} />
                </td>
                <td>
                  {k.digestible && (
                    <>
                      <input
                        type="checkbox"
                        id={`pref-${k.kind}-digest`}
                        name={`${k.kind}:digest`}
                        defaultChecked={k.digest}
                        aria-label={`${k.label}: gộp vào thư tổng hợp hằng ngày`}
                        {...errors.field(`pref-${k.kind}-digest`)}
                      />
                      <FieldError errors={errors} id={`pref-${k.kind}-digest`} />
                    </>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <StatusRegion>
        {saved && <p className="alert success">Đã lưu cách nhận thông báo.</p>}
      </StatusRegion>
      <button type="submit">Lưu</button>
    </form>
  );
}
