import { useEffect, useRef, useState } from "react";
import type { KeyboardEvent } from "react";
import { api } from "../api/client.js";
import type { Organisation, Page } from "../api/types.js";
import { useResource } from "../api/use-resource.js";
import { orgLabel } from "../format/org.format.js";
import { FieldError } from "../forms/error-summary.js";
import type { FormErrors } from "../forms/use-form-errors.js";

/** Entries shown while typing; a narrower search finds the rest. */
const SHOWN = 20;
/** Pause after the last key before asking the server. */
const DEBOUNCE_MS = 200;

type Props = {
  id: string;
  label: string;
  value: Organisation | null;
  onChange: (org: Organisation | null) => void;
  /** only units, or only group placeholders */
  kind?: Organisation["kind"];
  /** submits the chosen id under this name in a form */
  name?: string;
  required?: boolean;
  /** ids not offered (already chosen elsewhere) */
  exclude?: readonly number[];
  placeholder?: string;
  /** empties the input once a unit is chosen (a picker adding to a list) */
  clearOnPick?: boolean;
  /** the form's errors: the field is marked and its message shown under it */
  errors?: FormErrors;
};

/** The searched text, settled for DEBOUNCE_MS. */
function useSettled(text: string): string {
  const [settled, setSettled] = useState(text);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  return settled;
}

/**
 * Choose one unit from the whole directory: type part of its name or its parent's, without
 * diacritics ("so cong thuong khanh hoa"); the server searches. The WAI-ARIA combobox pattern:
 * ↓/↑ move through the entries, Enter picks, Esc closes and restores the chosen unit.
 */
export function OrgCombobox({
  id,
  label,
  value,
  onChange,
  kind,
  name,
  required = false,
  exclude = [],
  placeholder = "Gõ tên đơn vị, không cần dấu",
  clearOnPick = false,
  errors,
}: Props) {
  const [text, setText] = useState(value ? orgLabel(value) : "");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  /** a click that focuses the field keeps the selection of the chosen unit's name */
  const justFocused = useRef(false);
  const term = useSettled(open ? text.trim() : "");
  const found = useResource(open ? `org-combobox ${kind ?? ""} ${term}` : null, (signal) =>
    api<Page<Organisation>>("/api/organisations", {
      query: { q: term, kind, limit: SHOWN + exclude.length },
      signal,
    }),
  );
  const options = (found.data?.items ?? []).filter((o) => !exclude.includes(o.id)).slice(0, SHOWN);
  const listId = `${id}-list`;
  const optionId = (i: number) => `${id}-opt-${i}`;

  useEffect(() => {
    if (!open) setText(value && !clearOnPick ? orgLabel(value) : "");
  }, [value, open, clearOnPick]);
  useEffect(() => {
    input.current?.setCustomValidity(required && !value ? "Chọn một đơn vị trong danh sách." : "");
  }, [required, value]);
  useEffect(() => setActive(-1), [found.data]);

  const pick = (org: Organisation) => {
    onChange(org);
    setOpen(false);
    setText(clearOnPick ? "" : orgLabel(org));
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      if (!open) return setOpen(true);
      const step = event.key === "ArrowDown" ? 1 : -1;
      const n = options.length + 1; // the entries and "none active"
      setActive((i) => ((i + 1 + step + n) % n) - 1);
    } else if (event.key === "Enter" && open) {
      event.preventDefault();
      const org = options[active] ?? (options.length === 1 ? options[0] : undefined);
      if (org) pick(org);
    } else if (event.key === "Escape" && open) {
      event.preventDefault();
      close();
    }
  };

  const status = !open
    ? ""
    : found.error
      ? "Không tải được danh mục đơn vị."
      : !found.data
        ? "Đang tìm…"
        : options.length === 0
          ? "Không tìm thấy đơn vị."
          : found.data.total > options.length
            ? `${options.length}/${found.data.total} đơn vị — gõ thêm để thu hẹp.`
            : `${options.length} đơn vị.`;

  return (
    <div className="field org-combobox">
      <label htmlFor={id}>{label}</label>
      <div className="combobox-row">
        <input
          ref={input}
          id={id}
          type="text"
          role="combobox"
          aria-expanded={open}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${id}-status`}
          {...errors?.field(id, `${id}-status`)}
          autoComplete="off"
          spellCheck={false}
          data-own-validity
          placeholder={placeholder}
          value={text}
          required={required}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={(e) => {
            e.target.select();
            justFocused.current = true;
          }}
          onMouseUp={(e) => {
            if (justFocused.current) e.preventDefault();
            justFocused.current = false;
          }}
          onClick={() => setOpen(true)}
          onKeyDown={onKeyDown}
          onBlur={() => {
            if (!text.trim() && value && !clearOnPick && !required) onChange(null);
            close();
          }}
        />
        {value && !required && !clearOnPick && (
          <button
            type="button"
            className="secondary"
            aria-label={`Bỏ chọn ${value.name}`}
            onClick={() => {
              onChange(null);
              input.current?.focus();
            }}
          >
            ×
          </button>
        )}
      </div>
      {errors && <FieldError errors={errors} id={id} />}
      {name && <input type="hidden" name={name} value={value?.id ?? ""} />}
      <span id={`${id}-status`} className="combobox-status muted" role="status">
        {status}
      </span>
      <ul
        id={listId}
        role="listbox"
        aria-label="Đơn vị tìm thấy"
        className="combobox-list"
        hidden={!open}
      >
        {options.map((o, i) => (
          <li
            key={o.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
          >
            {o.name}
            {o.parentName && <span className="muted"> — {o.parentName}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
