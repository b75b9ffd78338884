import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  Form,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteLoaderData,
} from "@remix-run/react";
import type { ReactNode } from "react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { navItemsFor } from "~/components/navigation";
import { getOptionalUser } from "~/features/auth/guards.server";
import type { Role } from "~/features/auth/permissions";
import { isDemoInstance } from "~/features/demo/demo.server";
import { unreadCount } from "~/features/notifications/notifications.server";
import { pendingReviewCount } from "~/features/review/review.server";
import { getEnv } from "~/platform/env.server";
import { translate } from "~/platform/i18n/catalogue";
import { getLocale } from "~/platform/i18n/locale.server";
import { DEFAULT_LOCALE, LOCALES, type Locale } from "~/platform/i18n/locales";
import { useT } from "~/platform/i18n/use-t";
import { useNonce } from "~/platform/security/nonce";
import stylesHref from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: stylesHref },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

export const meta: MetaFunction = () => [{ title: "Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getOptionalUser(request);
  const locale = await getLocale(request, user);
  const env = getEnv();
  return {
    locale,
    demo: await isDemoInstance(),
    // Public settings the browser needs (map tiles); never secrets.
    mapTiles: { url: env.MAP_TILE_URL, attribution: env.MAP_TILE_ATTRIBUTION },
    user: user
      ? {
          name: user.name,
          email: user.email,
          role: user.role,
          unread: await unreadCount(user),
          toReview: user.role === "MUNICIPALITY" ? await pendingReviewCount(user) : 0,
        }
      : null,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData("root") as RootData | undefined;
  const locale: Locale = data?.locale ?? DEFAULT_LOCALE;
  const nonce = useNonce();
  // A route may ask for a bare page (the embeddable map): no skip link, banner or header.
  const bare = useMatches().some((m) => (m.handle as { bare?: boolean } | undefined)?.bare);
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        {bare ? null : (
          <>
            <a className="skip-link" href="#main">
              {translate(locale, "app.skipToContent")}
            </a>
            {data?.demo ? <p className="demo-banner">{translate(locale, "app.demoBanner")}</p> : null}
            <SiteHeader user={data?.user ?? null} locale={locale} />
          </>
        )}
        <main id="main" className="main" tabIndex={-1}>
          {children}
        </main>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

function SiteHeader({
  user,
  locale,
}: {
  user: { name: string; role: Role; unread: number; toReview: number } | null;
  locale: Locale;
}) {
  const t = useT();
  const location = useLocation();
  const items = navItemsFor(user?.role ?? null);
  return (
    <header className="site-header">
      <div className="site-header__inner">
        <Link to="/" className="brand">
          <svg className="brand__mark" aria-hidden="true" viewBox="0 0 32 32" width="28" height="28">
            <rect width="32" height="32" rx="6" fill="#fff" fillOpacity="0.15" />
            <path d="M16 4v5M13.5 6.5h5M9 28V15l7-6 7 6v13h-5v-6a2 2 0 0 0-4 0v6z" fill="none" stroke="#fff" strokeWidth="2" strokeLinejoin="round" />
          </svg>
          {t("app.name")}
        </Link>
        <nav aria-label={t("nav.main")} className="main-nav">
          <ul>
            {items.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to} end={item.to === "/"}>
                  {t(item.label)}
                  {item.badge === "toReview" && user && user.toReview > 0 ? (
                    <span className="badge" data-testid="to-review-count">
                      <span aria-hidden="true">{user.toReview}</span>
                      <span className="visually-hidden">({user.toReview})</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <div className="site-header__tools">
          <Form method="post" action="/taal" className="language-form">
            <input type="hidden" name="redirectTo" value={`${location.pathname}${location.search}`} />
            {LOCALES.filter((l) => l !== locale).map((l) => (
              <button key={l} type="submit" name="locale" value={l} className="link-button" lang={l}>
                {t(`language.${l}`)}
              </button>
            ))}
          </Form>
          {user ? (
            <>
              <Link to="/meldingen" className="notifications-link">
                {t("nav.notifications")}
                {user.unread > 0 ? (
                  <span className="badge" data-testid="unread-count">
                    <span aria-hidden="true">{user.unread}</span>
                    <span className="visually-hidden">{t("notifications.unread", { count: user.unread })}</span>
                  </span>
                ) : null}
              </Link>
              <span className="account" data-testid="account">
                {t("nav.account", { name: user.name })} · {t(`role.${user.role}`)}
              </span>
              <Form method="post" action="/logout">
                <button type="submit" className="link-button">
                  {t("nav.logout")}
                </button>
              </Form>
            </>
          ) : (
            <Link to="/login">{t("nav.login")}</Link>
          )}
        </div>
      </div>
    </header>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
