import type { ReactNode } from "react";

/**
 * A link that opens in a new window or tab says so to screen readers (WCAG 3.2.5 advisory,
 * asked by Thông tư 26/2020/TT-BTTTT's checklist): the words are in the link's name, unseen.
 */
export function NewWindowLink({
  href,
  noReferrer = false,
  children,
}: {
  href: string;
  /** Outside addresses get no referrer (the task's address is not sent to other sites). */
  noReferrer?: boolean;
  children: ReactNode;
}) {
  return (
    <a href={href} target="_blank" rel={noReferrer ? "noopener noreferrer" : "noopener"}>
      {children}
      <span className="sr-only"> (mở trong cửa sổ mới)</span>
    </a>
  );
}
