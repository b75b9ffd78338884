// The Documenten tab of a dossier: the list (a municipality sees only what is shared with
// it) and, for the bureau, the upload form. Each document has its own page for versions,
// edits and deletion (dossiers.$id.documenten_.$documentId.tsx).
import { type ActionFunctionArgs, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import { type FormReply, UploadForm, VisibilityPill } from "~/features/documents/document-forms";
import { createDocument, listDocuments, requireDocumentEditAccess } from "~/features/documents/documents.server";
import { receiveUploadForm } from "~/features/documents/form-actions.server";
import stylesHref from "~/features/documents/documents.css?url";
import { formatFileSize } from "~/features/documents/format-size";
import { documentPath, documentsPath, downloadPath } from "~/features/documents/paths";
import { UploadFieldsSchema } from "~/features/documents/schemas";
import { formatDate } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction = () => [{ title: "Documenten · Herbestemming" }];

const NOTICES = ["uploaded", "deleted"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const list = await listDocuments({ user, dossierId: params.id ?? "" });
  const notice = new URL(request.url).searchParams.get("notice");
  return { ...list, notice: NOTICES.find((n) => n === notice) ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = params.id ?? "";
  // Before the body is read: nothing of a refused user's file is stored.
  await requireDocumentEditAccess(user, dossierId);
  const received = await receiveUploadForm(request, UploadFieldsSchema, "upload");
  if (!received.ok) return received.response;
  await createDocument({ user, dossierId, input: received.value, file: received.file });
  return redirect(`${documentsPath(dossierId)}?notice=uploaded`);
}

export default function DocumentsTab() {
  const { dossier, documents, canEdit, seesInternal, notice } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply;
  const t = useT();
  // A successful upload redirects here: a new location, so the form starts empty again.
  const { key } = useLocation();
  return (
    <section aria-labelledby="documents-heading">
      <div className="page-header">
        <h2 id="documents-heading">{t("documents.title")}</h2>
        <span className="muted">{t("documents.count", { count: documents.length })}</span>
      </div>
      {notice ? (
        <div className="alert alert--ok" role="status">
          <p style={{ margin: 0 }}>{t(`documents.notice.${notice}`)}</p>
        </div>
      ) : null}
      {seesInternal ? null : <p className="muted">{t("documents.sharedOnly")}</p>}
      {documents.length === 0 ? (
        <p>{seesInternal ? t("documents.empty") : t("documents.emptyShared")}</p>
      ) : (
        <div className="table-wrap">
          <table className="table" data-testid="documents-table">
            <thead>
              <tr>
                <th scope="col">{t("documents.col.title")}</th>
                <th scope="col">{t("documents.col.kind")}</th>
                <th scope="col">{t("documents.col.visibility")}</th>
                <th scope="col" className="num">
                  {t("documents.col.version")}
                </th>
                <th scope="col">{t("documents.col.file")}</th>
                <th scope="col" className="num">
                  {t("documents.col.size")}
                </th>
                <th scope="col">{t("documents.col.date")}</th>
                <th scope="col">{t("documents.col.uploadedBy")}</th>
              </tr>
            </thead>
            <tbody>
              {documents.map((d) => (
                <tr key={d.id}>
                  <th scope="row">
                    <Link to={documentPath(dossier.id, d.id)}>{d.title}</Link>
                  </th>
                  <td>{t(`documents.kind.${d.kind}`)}</td>
                  <td>
                    <VisibilityPill visibility={d.visibility} />
                  </td>
                  <td className="num">
                    {d.latest.number}
                    {d.versionCount > 1 ? (
                      <>
                        {" "}
                        <Link to={documentPath(dossier.id, d.id)} className="muted">
                          ({t("documents.olderVersions", { count: d.versionCount - 1 })})
                        </Link>
                      </>
                    ) : null}
                  </td>
                  <td>
                    <a href={downloadPath(d.latest.id)} data-testid="download">
                      {d.latest.fileName}
                    </a>
                  </td>
                  <td className="num">{formatFileSize(d.latest.size)}</td>
                  <td>{formatDate(d.latest.createdAt)}</td>
                  <td>{d.latest.uploadedBy?.name ?? t("documents.unknownUser")}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {canEdit ? (
        <div className="documents-upload">
          <UploadForm key={key} reply={reply} />
        </div>
      ) : null}
    </section>
  );
}
