// A dossier's page: the header and the tabs; each tab is a child route. The loader checks
// access (404 for another municipality's dossier or an unknown id) before anything else.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { NavLink, Outlet, type ShouldRevalidateFunction, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { requireUser } from "~/features/auth/guards.server";
import { dossierTabsFor } from "~/features/dossiers/dossier-tabs";
import { getDossierHeader } from "~/features/dossiers/dossiers.server";
import stylesHref from "~/features/dossiers/dossiers.css?url";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.dossier.reference} · ${data.dossier.church.name} · Herbestemming` : "Dossier · Herbestemming" },
];

/** After a refused save because someone else changed the dossier (409), show its current state. */
export const shouldRevalidate: ShouldRevalidateFunction = ({ actionStatus, defaultShouldRevalidate }) =>
  actionStatus === 409 || defaultShouldRevalidate;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const dossier = await getDossierHeader({ user, id: params.id ?? "" });
  return { dossier, tabs: dossierTabsFor(user.role) };
}

export default function DossierLayout() {
  const { dossier, tabs } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <header className="dossier-header">
        <p className="dossier-header__ref">{dossier.reference}</p>
        <h1>
          {dossier.church.name} <span className="muted">· {dossier.church.municipality.name}</span>
        </h1>
        <dl className="dossier-header__meta">
          <div>
            <dt>{t("dossiers.list.phase")}</dt>
            <dd>
              <span className="pill" data-testid="phase">{t(`dossiers.phase.${dossier.phase}`)}</span>
            </dd>
          </div>
          <div>
            <dt>{t("dossiers.field.applicant")}</dt>
            <dd>
              {dossier.applicantName} ({t(`dossiers.applicantType.${dossier.applicantType}`)})
            </dd>
          </div>
          <div>
            <dt>{t("dossiers.field.lead")}</dt>
            <dd>{dossier.lead?.name ?? t("common.none")}</dd>
          </div>
        </dl>
      </header>
      <nav className="dossier-tabs" aria-label={t("dossiers.tabs.label")}>
        <ul>
          {tabs.map((tab) => (
            <li key={tab.path}>
              <NavLink to={tab.path ? `/dossiers/${dossier.id}/${tab.path}` : `/dossiers/${dossier.id}`} end={tab.path === ""} prefetch="intent">
                {t(tab.label)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
