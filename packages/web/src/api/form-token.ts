/**
 * A random token naming one opening of a form: the server stores it with what the form sent, so
 * the same form submitted twice (a double click, a retry after a lost answer) is one record.
 * crypto.getRandomValues also works on plain-HTTP intranet addresses, where randomUUID does not.
 */
export function newFormToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
}
