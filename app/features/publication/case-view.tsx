// A public case as the public sees it: the case page and the staff preview render this
// same component from the same serializer output, so the preview cannot drift.
import { Link } from "@remix-run/react";
import { formatNumber } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";
import { MiniMap } from "./mini-map";
import type { PublicCase } from "./public-case";

export function PublicCaseView({ item, headingLevel = 1 }: { item: PublicCase; headingLevel?: 1 | 2 }) {
  const t = useT();
  const Heading = headingLevel === 1 ? "h1" : "h2";
  const Sub = headingLevel === 1 ? "h2" : "h3";
  const paragraphs = item.summary.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  return (
    <article className="case-page" data-testid="public-case">
      <p className="case-page__back">
        <Link to="/kaart">← {t("publication.case.back")}</Link>
      </p>
      <Heading className="case-page__title">{item.title}</Heading>
      <p className="lead">
        {item.municipality} ({item.province}) · {t(`publication.function.${item.functionCategory}`)} · {item.completionYear}
      </p>
      <div className="case-page__grid">
        <div className="case-page__main">
          {item.photos.length ? (
            <section aria-label={t("publication.case.photos")} className="case-photos">
              {item.photos.map((photo, i) => (
                <img key={photo.url} src={photo.url} alt={photo.alt} loading={i === 0 ? "eager" : "lazy"} className="case-photos__img" />
              ))}
            </section>
          ) : null}
          <Sub>{t("publication.case.summary")}</Sub>
          {paragraphs.map((p, i) => (
            <p key={i}>{p}</p>
          ))}
          {item.reportUrl ? (
            <p>
              <a href={item.reportUrl} className="button button--secondary" download>
                {t("publication.case.report")}
              </a>
            </p>
          ) : null}
        </div>
        <aside className="case-page__aside">
          <Sub>{t("publication.case.facts")}</Sub>
          <dl className="case-facts">
            <dt>{t("publication.case.function")}</dt>
            <dd>{t(`publication.function.${item.functionCategory}`)}</dd>
            <dt>{t("publication.case.year")}</dt>
            <dd>{item.completionYear}</dd>
            {item.designOffice ? (
              <>
                <dt>{t("publication.case.designOffice")}</dt>
                <dd>{item.designOffice}</dd>
              </>
            ) : null}
            <dt>{t("publication.case.municipality")}</dt>
            <dd>{item.municipality}</dd>
            <dt>{t("publication.case.province")}</dt>
            <dd>{item.province}</dd>
            <dt>{t("publication.case.protection")}</dt>
            <dd>{t(`publication.protection.${item.protectionStatus}`)}</dd>
          </dl>
          <Sub>{t("publication.case.location")}</Sub>
          <MiniMap lat={item.lat} lng={item.lng} title={item.title} />
          <p className="muted case-page__coords">
            {t("publication.case.coordinates", { lat: formatNumber(item.lat, 5), lng: formatNumber(item.lng, 5) })}
          </p>
        </aside>
      </div>
    </article>
  );
}
