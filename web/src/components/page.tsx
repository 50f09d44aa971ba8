import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";

/**
 * One screen: sets the document title and moves focus to the heading when the screen opens, so a
 * screen-reader or keyboard user knows the page changed in this single-page app.
 */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  const { t } = useTranslation();
  const h1 = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} · ${t("app.name")}`;
  }, [title, t]);
  useEffect(() => {
    h1.current?.focus();
  }, []);
  return (
    <section className="page" aria-labelledby="page-title">
      <div className="page-head">
        <h1 id="page-title" ref={h1} tabIndex={-1}>
          {title}
        </h1>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}

/** Polite announcements of completed actions ("Saved."). */
export function StatusMessage({ text }: { text: string | null }) {
  return (
    <p className="status-msg" role="status" aria-live="polite">
      {text}
    </p>
  );
}

export function ErrorBox({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <div className="error-box" role="alert">
      {text}
    </div>
  );
}

export function Loading() {
  const { t } = useTranslation();
  return (
    <p className="loading" role="status" aria-live="polite">
      {t("common.loading")}
    </p>
  );
}
