import { useEffect, useRef } from "react";

/**
 * A ref whose element gets the keyboard focus each time `when` changes to a truthy value: the
 * heading of new content shown after an action whose control is gone (give it `tabIndex={-1}`).
 */
export function useFocusOn<T extends HTMLElement>(when: unknown) {
  const ref = useRef<T>(null);
  useEffect(() => {
    if (when) ref.current?.focus();
  }, [when]);
  return ref;
}
