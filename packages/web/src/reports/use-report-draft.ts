import { useEffect, useState } from "react";
import { api } from "../api/client.js";
import type { ReportFields } from "./report-fields.js";

type ServerDraft = { data: ReportFields; updatedAt: string } | null;
type LocalDraft = { data: ReportFields; at: string };

export type DraftState = {
  /** the draft to open with (the newer of the server's and this browser's), once loaded */
  loaded: { fields: ReportFields | null; updatedAt: string | null } | null;
  /** when the draft was last saved on the server */
  savedAt: string | null;
  /** typed changes not yet on the server */
  unsaved: boolean;
  /** the last save failed (offline, session expired): the text is kept in this browser */
  failed: boolean;
};

const SAVE_AFTER_MS = 1000;

/**
 * Saves the report form on the server as the user types (a second after the last key), and in
 * this browser too, so that what was typed survives an expired session, a lost connection or a
 * closed tab: the next opening takes the newer copy. Warns before leaving with unsaved text.
 */
export function useReportDraft(userId: number, taskId: number, fields: ReportFields | null) {
  const key = `giamsat.report-draft.${userId}.${taskId}`;
  const url = `/api/tasks/${taskId}/report-draft`;
  const [state, setState] = useState<DraftState>({
    loaded: null,
    savedAt: null,
    unsaved: false,
    failed: false,
  });

  useEffect(() => {
    let live = true;
    const local = readLocal(key);
    api<{ draft: ServerDraft }>(url)
      .catch(() => ({ draft: null }))
      .then(({ draft }) => {
        if (!live) return;
        const useLocal = local && (!draft || local.at > draft.updatedAt);
        setState((s) => ({
          ...s,
          loaded: useLocal
            ? { fields: local.data, updatedAt: local.at }
            : { fields: draft?.data ?? null, updatedAt: draft?.updatedAt ?? null },
          savedAt: draft?.updatedAt ?? null,
        }));
      });
    return () => {
      live = false;
    };
  }, [key, url]);

  useEffect(() => {
    // null until the user first changes something: every later value is typed work
    if (!fields || !state.loaded) return;
    localStorage.setItem(key, JSON.stringify({ data: fields, at: new Date().toISOString() }));
    setState((s) => ({ ...s, unsaved: true }));
    const timer = setTimeout(() => {
      api<{ draft: ServerDraft }>(url, { method: "PUT", body: fields })
        .then(({ draft }) => {
          localStorage.removeItem(key);
          setState((s) => ({
            ...s,
            savedAt: draft?.updatedAt ?? null,
            unsaved: false,
            failed: false,
          }));
        })
        .catch(() => setState((s) => ({ ...s, failed: true })));
    }, SAVE_AFTER_MS);
    return () => clearTimeout(timer);
  }, [fields]);

  useEffect(() => {
    if (!state.unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [state.unsaved]);

  /** After the report is sent: the server dropped the draft; forget this browser's copy too. */
  const forget = () => {
    localStorage.removeItem(key);
    setState((s) => ({ ...s, unsaved: false }));
  };
  /** "Bỏ nháp": drop the draft here and on the server. */
  const discard = async () => {
    forget();
    await api(url, { method: "DELETE" });
  };
  return { ...state, forget, discard };
}

function readLocal(key: string): LocalDraft | null {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as LocalDraft) : null;
  } catch {
    return null;
  }
}
