/**
 * The CSRF token sent as `x-csrf-token` on every unsafe request. The server hands it out with the
 * session (login and /api/auth/me); a readable cookie is the fallback.
 */
let token: string | null = null;

export function setCsrfToken(value: string | null): void {
  token = value;
}

export function csrfToken(): string | null {
  if (token) return token;
  const match = document.cookie.match(/(?:^|;\s*)(?:giamsat_csrf|csrf_token|csrf)=([^;]+)/);
  return match?.[1] ? decodeURIComponent(match[1]) : null;
}

export const isUnsafe = (method: string) =>
  !["GET", "HEAD", "OPTIONS"].includes(method.toUpperCase());
