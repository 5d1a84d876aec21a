import { createContext, useCallback, useContext, useEffect, useMemo, useState } from "react";
import type { ReactNode } from "react";
import { api, setUnauthenticatedHandler } from "../api/client.js";
import { setCsrfToken } from "../api/csrf.js";
import type { Session, SessionUser } from "../api/types.js";

type SessionState =
  | { status: "loading" }
  | { status: "anonymous"; expired: boolean }
  | { status: "signed-in"; user: SessionUser };

type SessionApi = {
  state: SessionState;
  login: (username: string, password: string) => Promise<void>;
  logout: () => Promise<void>;
};

const SessionContext = createContext<SessionApi | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [state, setState] = useState<SessionState>({ status: "loading" });

  const accept = useCallback((session: Session) => {
    setCsrfToken(session.csrfToken);
    setState({ status: "signed-in", user: session.user });
  }, []);

  useEffect(() => {
    setUnauthenticatedHandler(() => {
      setCsrfToken(null);
      setState({ status: "anonymous", expired: true });
    });
    api<Session>("/api/auth/me").then(accept, () =>
      setState({ status: "anonymous", expired: false }),
    );
    return () => setUnauthenticatedHandler(null);
  }, [accept]);

  const value = useMemo<SessionApi>(
    () => ({
      state,
      login: async (username, password) =>
        accept(await api<Session>("/api/auth/login", { body: { username, password } })),
      logout: async () => {
        try {
          await api("/api/auth/logout", { method: "POST", body: {} });
        } finally {
          setCsrfToken(null);
          setState({ status: "anonymous", expired: false });
        }
      },
    }),
    [state, accept],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionApi {
  const value = useContext(SessionContext);
  if (!value) throw new Error("useSession outside SessionProvider");
  return value;
}

/** The signed-in user (pages render only when signed in). */
export function useUser(): SessionUser {
  const { state } = useSession();
  if (state.status !== "signed-in") throw new Error("useUser without a signed-in user");
  return state.user;
}

export const isUnitRole = (role: string) => role === "unit_head" || role === "unit_staff";
export const canMonitor = (role: string) => role === "monitor" || role === "admin";
