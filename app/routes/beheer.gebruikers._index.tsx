import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { listUsers } from "~/features/users/users.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Gebruikers · Herbestemming" }];

export async function loader({ request }: LoaderFunctionArgs) {
  const actor = await requireUserWithPermission(request, "manageAccounts");
  const q = new URL(request.url).searchParams.get("q")?.slice(0, 100) ?? "";
  return { q, users: await listUsers({ actor, q }) };
}

export default function UsersPage() {
  const { q, users } = useLoaderData<typeof loader>();
  const t = useT();
  return (
    <>
      <div className="page-header">
        <h1>{t("users.title")}</h1>
        <Link to="nieuw" className="button">
          {t("users.new")}
        </Link>
      </div>
      <Form method="get" className="filters" role="search">
        <div className="field">
          <label htmlFor="q">{t("users.search")}</label>
          <input id="q" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button button--secondary">
          {t("common.search")}
        </button>
      </Form>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("users.col.name")}</th>
              <th scope="col">{t("users.col.email")}</th>
              <th scope="col">{t("users.col.role")}</th>
              <th scope="col">{t("users.col.municipalities")}</th>
              <th scope="col">{t("users.col.status")}</th>
              <th scope="col" className="num">{t("users.col.sessions")}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>
                  <Link to={u.id}>{u.name}</Link>
                </td>
                <td>{u.email}</td>
                <td>{t(`role.${u.role}`)}</td>
                <td>{u.municipalities.join(", ") || "–"}</td>
                <td>
                  {u.deactivatedAt ? (
                    <span className="pill pill--muted">{t("users.status.deactivated")}</span>
                  ) : u.hasPassword ? (
                    <span className="pill pill--ok">{t("users.status.active")}</span>
                  ) : (
                    <span className="pill pill--warn">{t("users.status.noPassword")}</span>
                  )}
                </td>
                <td className="num">{u.activeSessions}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
