import { type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { getOptionalUser } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import { phaseCounts } from "~/features/dossiers/overview.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [
  { title: "Herbestemming" },
  { name: "description", content: "Haalbaarheidsstudies voor de herbestemming van Vlaamse parochiekerken." },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  if (!user) return { kind: "public" as const };
  if (!isStaff(user)) throw redirect("/gemeente");
  return { kind: "staff" as const, phases: await phaseCounts(user) };
}

export default function Home() {
  const data = useLoaderData<typeof loader>();
  const t = useT();
  if (data.kind === "public") {
    return (
      <section className="hero">
        <h1>{t("home.public.title")}</h1>
        <p className="lead">{t("home.public.intro")}</p>
        <p className="actions">
          <Link to="/kaart" className="button">
            {t("home.public.mapLink")}
          </Link>
          <Link to="/login" className="button button--secondary">
            {t("nav.login")}
          </Link>
        </p>
      </section>
    );
  }
  return (
    <>
      <h1>{t("home.title")}</h1>
      <p className="lead">{t("home.intro")}</p>
      <ul className="grid" aria-label={t("nav.dossiers")} style={{ listStyle: "none", padding: 0 }}>
        {data.phases.map((p) => (
          <li key={p.phase} className="stat">
            <Link to={`/dossiers?phase=${p.phase}`}>
              <span className="stat__value">{p.count}</span>
              <span className="stat__label">{t(`dossiers.phase.${p.phase}`)}</span>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
