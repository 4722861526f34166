"use client";

import { useEffect, useRef, type ReactNode } from "react";
import { useTranslations } from "next-intl";

/** A modal on the native <dialog>: focus trapped by the browser, Esc closes, the page behind is inert. */
export function Dialog(props: { title: string; onClose: () => void; children: ReactNode; wide?: boolean }) {
  const t = useTranslations("dialog");
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={props.title}
      onCancel={(event) => {
        event.preventDefault();
        props.onClose();
      }}
      className={`m-auto w-[calc(100%-2rem)] rounded-card bg-white p-0 shadow-2xl backdrop:bg-ink/40 ${props.wide ? "max-w-3xl" : "max-w-lg"}`}
    >
      <div className="flex items-center justify-between border-b border-line px-6 py-4">
        <h2 className="text-lg font-semibold">{props.title}</h2>
        <button
          type="button"
          onClick={props.onClose}
          className="rounded-md px-2 py-1 text-sm text-muted hover:bg-surface"
        >
          {t("close")} <kbd className="font-mono text-xs">Esc</kbd>
        </button>
      </div>
      <div className="px-6 py-5">{props.children}</div>
    </dialog>
  );
}
