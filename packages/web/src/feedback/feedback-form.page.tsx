import { useState, type FormEvent } from "react";
import { api } from "../api/client.js";
import { ErrorBox } from "../components/feedback.js";
import { Link } from "../router/link.js";
import { solveAltcha, type Challenge } from "./altcha-solver.js";

const KINDS = [
  ["gop_y", "Góp ý"],
  ["phan_anh", "Phản ánh"],
  ["kien_nghi", "Kiến nghị"],
] as const;

/** `/gop-y`: a visitor sends feedback without an account; the answer is the tracking code. */
export function FeedbackFormPage() {
  const [error, setError] = useState<Error | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<{ code: string; secret: string } | null>(null);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const f = new FormData(event.currentTarget);
    const value = (k: string) => String(f.get(k) ?? "").trim() || undefined;
    setBusy(true);
    setError(null);
    try {
      const challenge = await api<Challenge>("/api/public/challenge");
      const altcha = await solveAltcha(challenge);
      setSent(
        await api<{ code: string; secret: string }>("/api/public/feedback", {
          body: {
            kind: value("kind"),
            title: value("title"),
            content: value("content"),
            name: value("name"),
            organisation: value("organisation"),
            email: value("email"),
            phone: value("phone"),
            consent: f.get("consent") === "on",
            publishName: f.get("publishName") === "on",
            altcha,
          },
        }),
      );
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  }

  if (sent)
    return (
      <>
        <h1>Đã gửi góp ý</h1>
        <p>
          Mã theo dõi: <strong data-testid="feedback-code">{sent.code}</strong>
        </p>
        <p>
          Giữ đường dẫn dưới đây: chỉ người có đường dẫn này mới đánh giá được câu trả lời.{" "}
          <Link to={`/gop-y/${sent.code}?s=${encodeURIComponent(sent.secret)}`}>
            Theo dõi góp ý {sent.code}
          </Link>
        </p>
      </>
    );
  return (
    <>
      <h1>Gửi góp ý, phản ánh, kiến nghị</h1>
      <form className="card form" onSubmit={submit}>
        <label>
          Loại
          <select name="kind" defaultValue="gop_y">
            {KINDS.map(([k, label]) => (
              <option key={k} value={k}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tiêu đề
          <input name="title" required maxLength={200} />
        </label>
        <label>
          Nội dung
          <textarea name="content" required maxLength={5000} rows={6} />
        </label>
        <label>
          Họ và tên
          <input name="name" required maxLength={120} />
        </label>
        <label>
          Cơ quan, tổ chức (nếu có)
          <input name="organisation" maxLength={200} />
        </label>
        <label>
          Thư điện tử
          <input name="email" type="email" />
        </label>
        <label>
          Số điện thoại
          <input name="phone" type="tel" />
        </label>
        <label className="check">
          <input name="consent" type="checkbox" required /> Tôi đồng ý cho cơ quan xử lý dữ liệu cá
          nhân của tôi để trả lời góp ý này (Nghị định 13/2023/NĐ-CP).
        </label>
        <label className="check">
          <input name="publishName" type="checkbox" /> Công khai tên tôi cùng câu trả lời
        </label>
        <ErrorBox error={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Đang xác minh và gửi…" : "Gửi góp ý"}
        </button>
      </form>
    </>
  );
}
