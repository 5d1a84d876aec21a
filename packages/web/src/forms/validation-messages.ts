/**
 * Form validation messages in Vietnamese whatever the browser's language: the browser's own
 * bubbles ("Please fill out this field.") follow its language, so every invalid field gets its
 * message from here. Fields that set their own message (`data-own-validity`, e.g. DateInput) keep it.
 */
type Field = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

const isField = (target: EventTarget | null): target is Field =>
  target instanceof HTMLInputElement ||
  target instanceof HTMLSelectElement ||
  target instanceof HTMLTextAreaElement;

function missingMessage(field: Field): string {
  if (field instanceof HTMLSelectElement) return "Vui lòng chọn một mục trong danh sách.";
  if (field.type === "checkbox") return "Vui lòng đánh dấu ô này để tiếp tục.";
  if (field.type === "radio") return "Vui lòng chọn một trong các lựa chọn.";
  if (field.type === "file") return "Vui lòng chọn tệp.";
  return "Vui lòng điền trường này.";
}

/** The Vietnamese message for a field's failed constraint ("" when it is valid). */
export function validationMessage(field: Field): string {
  const v = field.validity;
  if (v.valueMissing) return missingMessage(field);
  if (v.typeMismatch)
    return field.type === "email"
      ? "Địa chỉ thư điện tử không hợp lệ."
      : "Địa chỉ không hợp lệ: cần dạng https://…";
  if (v.tooShort && "minLength" in field)
    return `Cần ít nhất ${field.minLength} ký tự (hiện có ${field.value.length}).`;
  if (v.tooLong && "maxLength" in field) return `Tối đa ${field.maxLength} ký tự.`;
  if (v.rangeUnderflow && "min" in field) return `Giá trị phải từ ${field.min} trở lên.`;
  if (v.rangeOverflow && "max" in field) return `Giá trị không được lớn hơn ${field.max}.`;
  if (v.patternMismatch) return field.title || "Giá trị không đúng định dạng yêu cầu.";
  if (v.badInput || v.stepMismatch) return "Giá trị không hợp lệ.";
  return "";
}

/** Radios share one constraint: a choice in the group clears the message on each of them. */
function groupOf(field: Field): Field[] {
  if (field.type !== "radio" || !field.form || !field.name) return [field];
  return [...field.form.querySelectorAll<HTMLInputElement>(`input[type=radio]`)].filter(
    (radio) => radio.name === field.name,
  );
}

/** Installs the Vietnamese messages for every form of the document. */
export function installVietnameseValidation(doc: Document): void {
  doc.addEventListener(
    "invalid",
    (event) => {
      const field = event.target;
      if (!isField(field) || field.hasAttribute("data-own-validity")) return;
      field.setCustomValidity("");
      field.setCustomValidity(validationMessage(field));
    },
    true,
  );
  const clear = (event: Event) => {
    const field = event.target;
    if (!isField(field) || field.hasAttribute("data-own-validity")) return;
    for (const member of groupOf(field)) member.setCustomValidity("");
  };
  doc.addEventListener("input", clear, true);
  doc.addEventListener("change", clear, true);
}
