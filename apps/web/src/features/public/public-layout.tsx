import type { ReactNode } from "react";
import { Link } from "react-router";
import { usePublicText } from "./public-text.ts";

/** The frame of every public page: the title, the language switch and the staff sign-in. */
export function PublicLayout({ children }: { children: ReactNode }) {
  const { text, language, setLanguage } = usePublicText();
  return (
    <div className="pub">
      <header className="pub-header">
        <Link to="/cong-khai" className="pub-brand">
          <span className="pub-mark" aria-hidden>
            N
          </span>
          <span>{text("title")}</span>
        </Link>
        <nav className="pub-header-links" aria-label={text("title")}>
          <button
            type="button"
            className="pub-link-button"
            lang={language === "vi" ? "en" : "vi"}
            onClick={() => setLanguage(language === "vi" ? "en" : "vi")}
          >
            {text("language")}
          </button>
          <a href="/login" className="pub-header-link">
            {text("staffLogin")}
          </a>
        </nav>
      </header>
      <main className="pub-main" id="main">
        {children}
      </main>
    </div>
  );
}

export function PublicLoading() {
  const { text } = usePublicText();
  return (
    <p role="status" className="pub-muted">
      {text("loading")}
    </p>
  );
}

export function PublicFailed({ retry }: { retry: () => void }) {
  const { text } = usePublicText();
  return (
    <p role="alert" className="pub-alert">
      {text("failed")}{" "}
      <button type="button" className="pub-link-button" onClick={retry}>
        {text("retry")}
      </button>
    </p>
  );
}

export function PublicNotFound() {
  const { text } = usePublicText();
  return (
    <div className="pub-card" data-testid="public-not-found">
      <p>{text("notFound")}</p>
      <Link to="/cong-khai">{text("backToProvinces")}</Link>
    </div>
  );
}

/** The banner the UX guide asks for wherever generated figures are shown. */
export function DemoBanner({ show }: { show: boolean }) {
  const { text } = usePublicText();
  if (!show) return null;
  return (
    <p className="pub-demo" role="note" data-testid="public-demo-banner">
      {text("demo")}
    </p>
  );
}
