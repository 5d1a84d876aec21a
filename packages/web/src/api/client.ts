import { ApiError, errorFromBody, networkError } from "./api-error.js";
import { csrfToken, isUnsafe } from "./csrf.js";

export type Query = Record<string, string | number | boolean | null | undefined>;

export type RequestOptions = {
  method?: string;
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
};

/** `/api/x?a=1`: drops empty query values so URLs stay short and shareable. */
export function apiUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value === undefined || value === null || value === "") continue;
    params.set(key, String(value));
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

let onUnauthenticated: (() => void) | null = null;
/** Called when any request answers 401, so the app can show the login page. */
export function setUnauthenticatedHandler(handler: (() => void) | null): void {
  onUnauthenticated = handler;
}
export const notifyUnauthenticated = () => onUnauthenticated?.();

/** JSON request to the API with the session cookie and the CSRF header on unsafe methods. */
export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (isUnsafe(method)) {
    const token = csrfToken();
    if (token) headers["x-csrf-token"] = token;
  }
  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: "same-origin",
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === "AbortError") throw error;
    throw networkError();
  }
  const text = await response.text();
  let parsed: unknown = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = null;
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, parsed);
    if (response.status === 401 && !path.startsWith("/api/auth/")) notifyUnauthenticated();
    throw error;
  }
  return parsed as T;
}

export { ApiError };
