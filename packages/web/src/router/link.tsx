import type { AnchorHTMLAttributes, MouseEvent } from "react";
import { navigate } from "./router.js";

type Props = AnchorHTMLAttributes<HTMLAnchorElement> & { to: string };

/** An ordinary link (so it opens in a new tab too) that navigates without reloading. */
export function Link({ to, onClick, children, ...rest }: Props) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (event.defaultPrevented || event.button !== 0) return;
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a href={to} onClick={handle} {...rest}>
      {children}
    </a>
  );
}
