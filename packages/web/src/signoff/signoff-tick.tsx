/** The checkbox that puts one waiting item in the head's batch ("Chọn để ký duyệt cùng lúc"). */
export function SignoffTick({
  label,
  checked,
  onChange,
}: {
  /** what the box selects, for screen readers: "báo cáo số 12" */
  label: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check signoff-tick">
      <input
        type="checkbox"
        aria-label={`Chọn ${label}`}
        checked={checked}
        onChange={(e) => onChange(e.target.checked)}
      />{" "}
      Chọn để ký duyệt cùng lúc
    </label>
  );
}
