import { useState } from "react";
import type { FormEvent } from "react";
import { api } from "../api/client.js";
import type { PlanSummary } from "../api/types.js";
import { formatDate } from "../format/date.format.js";
import { Link } from "../router/link.js";
import { ErrorSummary, FieldError } from "../forms/error-summary.js";
import { fieldsByPath } from "../forms/form-errors.js";
import { useFormErrors } from "../forms/use-form-errors.js";

const fieldOf = fieldsByPath({ reason: { id: "publish-reason", label: "Lý do" } });

/**
 * Whether the plan is on the public pages (`/cong-khai`): the monitoring department publishes
 * or withdraws it, with a reason each time (audited).
 */
export function PlanPublishing({
  plan,
  editable,
  onSaved,
}: {
  plan: PlanSummary;
  editable: boolean;
  onSaved: () => void;
}) {
  const errors = useFormErrors(fieldOf);
  const [busy, setBusy] = useState(false);
  const published = plan.publishedAt !== null;
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const reason = String(new FormData(form).get("reason") ?? "").trim();
    setBusy(true);
    errors.clear();
    try {
      await api(`/api/plans/${plan.id}/published`, {
        method: "PUT",
        body: { published: !published, reason },
      });
      form.reset();
      onSaved();
    } catch (e) {
      errors.show(e as Error);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card" aria-labelledby="publishing-title">
      <h2 id="publishing-title">Công khai</h2>
      <p data-testid="plan-published">
        {published ? (
          <>
            Kế hoạch được công khai từ ngày {formatDate(plan.publishedAt!.slice(0, 10))} tại{" "}
            <Link to={`/cong-khai/${plan.id}`}>trang công khai</Link> (số liệu tình trạng và nhiệm
            vụ quá hạn; không có nhiệm vụ mật hay thông tin cá nhân).
          </>
        ) : (
          "Kế hoạch chưa được công khai."
        )}
      </p>
      {editable && (
        <form
          className="change-form"
          aria-labelledby="publishing-title"
          onSubmit={(e) => void submit(e)}
          {...errors.formProps}
        >
          <ErrorSummary errors={errors} />
          <div className="field">
            <label htmlFor="publish-reason">Lý do (bắt buộc)</label>
            <input
              id="publish-reason"
              name="reason"
              required
              maxLength={2000}
              {...errors.field("publish-reason")}
            />
            <FieldError errors={errors} id="publish-reason" />
          </div>
          <button type="submit" disabled={busy}>
            {published ? "Thôi công khai" : "Công khai kế hoạch"}
          </button>
        </form>
      )}
    </section>
  );
}
