import "./public-postings-section.css";
import type { PublicPostingDto, PublicPostingsResponse } from "@ntm/contracts";
import { useCallback, useEffect, useId, useState, type FormEvent } from "react";
import { fetchPostings, PublicRequestError, sendFeedback } from "./public-feedback-api.ts";
import {
  dateVi,
  fill,
  publicFeedbackText,
  type PublicLanguage,
  type PublicTextKey,
} from "./public-feedback-messages.ts";

const minText = 10;
const maxText = 2000;

type Load =
  | { state: "loading" }
  | { state: "failed" }
  | { state: "hidden" }
  | { state: "ready"; data: PublicPostingsResponse };

/**
 * The dossiers of a province now posted for residents' comments, each with a short form. Plain
 * React and CSS: it sits in the light public page, phone first. Nothing shows when the province
 * does not publish its postings.
 */
export function PublicPostingsSection({
  provinceCode,
  language = "vi",
}: {
  provinceCode: string;
  language?: PublicLanguage;
}) {
  const text = publicFeedbackText[language];
  const [load, setLoad] = useState<Load>({ state: "loading" });
  const titleId = useId();

  const refresh = useCallback(() => {
    fetchPostings(provinceCode, language).then(
      (data) => setLoad(data ? { state: "ready", data } : { state: "hidden" }),
      () => setLoad({ state: "failed" }),
    );
  }, [provinceCode, language]);
  useEffect(refresh, [refresh]);

  if (load.state === "hidden") return null;
  return (
    <section className="pf" aria-labelledby={titleId} data-testid="public-postings">
      <h2 id={titleId} className="pf-title">
        {text.title}
      </h2>
      <p className="pf-intro">{text.intro}</p>
      {load.state === "loading" && <p role="status">{text.loading}</p>}
      {load.state === "failed" && (
        <p role="alert" className="pf-error">
          {text.failed}{" "}
          <button type="button" className="pf-link" onClick={refresh}>
            {text.retry}
          </button>
        </p>
      )}
      {load.state === "ready" &&
        (load.data.postings.length === 0 ? (
          <p>{text.none}</p>
        ) : (
          <ul className="pf-list">
            {load.data.postings.map((posting) => (
              <PostingItem key={posting.dossierId} posting={posting} language={language} />
            ))}
          </ul>
        ))}
    </section>
  );
}

function PostingItem({
  posting,
  language,
}: {
  posting: PublicPostingDto;
  language: PublicLanguage;
}) {
  const text = publicFeedbackText[language];
  const [open, setOpen] = useState(false);
  const [sent, setSent] = useState(false);
  const formId = useId();
  return (
    <li className="pf-item" data-testid={`posting-${posting.dossierId}`}>
      <h3 className="pf-commune">{posting.communeName}</h3>
      <p className="pf-meta">
        {fill(text.dossier, { level: posting.levelName, year: posting.year })}
        <br />
        {fill(text.period, { from: dateVi(posting.from), to: dateVi(posting.to) })}
        <br />
        <span data-testid="approved-count">
          {posting.approvedComments > 0
            ? fill(text.approved, { count: posting.approvedComments.toLocaleString("vi-VN") })
            : text.approvedNone}
        </span>
      </p>
      {sent ? (
        <div className="pf-sent" role="status">
          <strong>{text.sent}</strong>
          <p>{text.sentHint}</p>
          <button
            type="button"
            className="pf-button pf-secondary"
            onClick={() => {
              setSent(false);
              setOpen(true);
            }}
          >
            {text.another}
          </button>
        </div>
      ) : (
        <>
          <button
            type="button"
            className={open ? "pf-button pf-secondary" : "pf-button"}
            aria-expanded={open}
            aria-controls={formId}
            onClick={() => setOpen(!open)}
          >
            {open ? text.close : text.open}
          </button>
          {open && (
            <FeedbackForm
              id={formId}
              dossierId={posting.dossierId}
              language={language}
              onSent={() => {
                setOpen(false);
                setSent(true);
              }}
            />
          )}
        </>
      )}
    </li>
  );
}

function FeedbackForm({
  id,
  dossierId,
  language,
  onSent,
}: {
  id: string;
  dossierId: number;
  language: PublicLanguage;
  onSent: () => void;
}) {
  const text = publicFeedbackText[language];
  const t = (key: PublicTextKey, values: Record<string, string | number> = {}) =>
    fill(text[key], values);
  const [body, setBody] = useState("");
  const [name, setName] = useState("");
  const [contact, setContact] = useState("");
  const [trap, setTrap] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [sending, setSending] = useState(false);
  const fieldId = useId();
  const length = body.trim().length;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (length < minText) {
      setError(t("textShort", { min: minText }));
      return;
    }
    setSending(true);
    setError(null);
    try {
      await sendFeedback(dossierId, { text: body, name, contact, website: trap }, language);
      onSent();
    } catch (failure) {
      setError(failure instanceof PublicRequestError ? failure.message : t("network"));
    } finally {
      setSending(false);
    }
  };

  return (
    <form id={id} className="pf-form" onSubmit={submit} noValidate>
      <label htmlFor={`${fieldId}-text`}>{t("text")}</label>
      <textarea
        id={`${fieldId}-text`}
        name="text"
        rows={5}
        maxLength={maxText}
        value={body}
        onChange={(event) => setBody(event.target.value)}
        aria-describedby={`${fieldId}-hint`}
        aria-invalid={error !== null && length < minText}
        required
      />
      <p id={`${fieldId}-hint`} className="pf-hint">
        {t("textHint", { min: minText, max: maxText, count: length })}
      </p>
      <label htmlFor={`${fieldId}-name`}>{t("name")}</label>
      <input
        id={`${fieldId}-name`}
        name="name"
        autoComplete="name"
        maxLength={100}
        value={name}
        onChange={(event) => setName(event.target.value)}
      />
      <label htmlFor={`${fieldId}-contact`}>{t("contact")}</label>
      <input
        id={`${fieldId}-contact`}
        name="contact"
        type="text"
        inputMode="tel"
        autoComplete="tel"
        maxLength={120}
        value={contact}
        onChange={(event) => setContact(event.target.value)}
      />
      <p className="pf-hint">{t("privacy")}</p>
      {/* A field people never see: a program that fills every field gives itself away here. */}
      <div className="pf-trap" aria-hidden="true">
        <label htmlFor={`${fieldId}-website`}>{t("trap")}</label>
        <input
          id={`${fieldId}-website`}
          name="website"
          tabIndex={-1}
          autoComplete="off"
          value={trap}
          onChange={(event) => setTrap(event.target.value)}
        />
      </div>
      {error && (
        <p role="alert" className="pf-error">
          {error}
        </p>
      )}
      <button type="submit" className="pf-button" disabled={sending}>
        {sending ? t("sending") : t("send")}
      </button>
    </form>
  );
}
