// One document of a dossier: its versions (each downloadable) and, for the bureau, a new
// version, title and visibility, and deletion. A municipality reaches only SHARED and PUBLIC
// documents of its own dossiers; anything else is 404.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { requireUser } from "~/features/auth/guards.server";
import {
  DeleteDocumentForm,
  EditDocumentForm,
  type FormReply,
  NewVersionForm,
  VisibilityPill,
} from "~/features/documents/document-forms";
import {
  addVersion,
  deleteDocument,
  DocumentConflictError,
  getDocument,
  requireDocumentEditAccess,
  updateDocument,
} from "~/features/documents/documents.server";
import { receiveUploadForm } from "~/features/documents/form-actions.server";
import stylesHref from "~/features/documents/documents.css?url";
import { formatFileSize } from "~/features/documents/format-size";
import { documentPath, documentsPath, downloadPath } from "~/features/documents/paths";
import { DeleteDocumentSchema, EditDocumentSchema, NewVersionFieldsSchema } from "~/features/documents/schemas";
import { formatDate, formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesHref }];

export const meta: MetaFunction<typeof loader> = ({ data: loaded }) => [
  { title: loaded ? `${loaded.document.title} · Documenten · Herbestemming` : "Document · Herbestemming" },
];

const NOTICES = ["version", "updated"] as const;

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const found = await getDocument({ user, dossierId: params.id ?? "", documentId: params.documentId ?? "" });
  const notice = new URL(request.url).searchParams.get("notice");
  return { ...found, notice: NOTICES.find((n) => n === notice) ?? null };
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const dossierId = params.id ?? "";
  const documentId = params.documentId ?? "";
  await requireDocumentEditAccess(user, dossierId);
  const here = documentPath(dossierId, documentId);

  if ((request.headers.get("Content-Type") ?? "").startsWith("multipart/form-data")) {
    const received = await receiveUploadForm(request, NewVersionFieldsSchema, "newVersion");
    if (!received.ok) return received.response;
    await addVersion({ user, dossierId, documentId, file: received.file });
    return redirect(`${here}?notice=version`);
  }

  const formData = await request.formData();
  switch (formData.get("intent")) {
    case "edit": {
      const submission = parseWithZod(formData, { schema: EditDocumentSchema });
      if (submission.status !== "success") return data({ form: "edit", result: submission.reply() }, { status: 400 });
      try {
        await updateDocument({ user, dossierId, documentId, input: submission.value });
      } catch (error) {
        if (!(error instanceof DocumentConflictError)) throw error;
        return data({ form: "edit", result: submission.reply({ formErrors: ["documents.error.conflict"] }) }, { status: 409 });
      }
      return redirect(`${here}?notice=updated`);
    }
    case "delete": {
      const submission = parseWithZod(formData, { schema: DeleteDocumentSchema });
      if (submission.status !== "success") return data({ form: "delete", result: submission.reply() }, { status: 400 });
      await deleteDocument({ user, dossierId, documentId });
      return redirect(`${documentsPath(dossierId)}?notice=deleted`);
    }
    default:
      throw new Response("Bad Request", { status: 400 });
  }
}

export default function DocumentPage() {
  const { dossier, document, canEdit, notice } = useLoaderData<typeof loader>();
  const reply = useActionData<typeof action>() as FormReply;
  const t = useT();
  const locale = useLocale();
  const latest = document.versions[0];
  // After a successful post the page is redirected to itself: fresh forms.
  const { key } = useLocation();
  return (
    <section aria-labelledby="document-heading">
      <p>
        <Link to={documentsPath(dossier.id)}>← {t("documents.detail.back")}</Link>
      </p>
      <div className="page-header">
        <h2 id="document-heading">{document.title}</h2>
        <span className="documents-pills">
          <span className="pill pill--muted">{t(`documents.kind.${document.kind}`)}</span>{" "}
          <VisibilityPill visibility={document.visibility} />
        </span>
      </div>
      {notice ? (
        <div className="alert alert--ok" role="status">
          <p style={{ margin: 0 }}>{t(`documents.notice.${notice}`)}</p>
        </div>
      ) : null}
      <p className="muted">
        {t("documents.detail.created", {
          date: formatDate(document.createdAt),
          name: document.createdBy?.name ?? t("documents.unknownUser"),
        })}
      </p>
      <p>
        <a className="button" href={downloadPath(latest.id)} data-testid="download-latest">
          {t("documents.download")} ({t("documents.versionNumber", { number: latest.number })}, {formatFileSize(latest.size)})
        </a>
      </p>
      <h3 id="history-heading">{t("documents.detail.history")}</h3>
      <div className="table-wrap">
        <table className="table" aria-labelledby="history-heading">
          <thead>
            <tr>
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
            {document.versions.map((v) => (
              <tr key={v.id}>
                <td className="num">{v.number}</td>
                <td>
                  <a href={downloadPath(v.id)}>{v.fileName}</a>
                </td>
                <td className="num">{formatFileSize(v.size)}</td>
                <td>{formatDateTime(v.createdAt, locale)}</td>
                <td>{v.uploadedBy?.name ?? t("documents.unknownUser")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {canEdit ? (
        <div className="documents-forms" key={key}>
          <NewVersionForm reply={reply} />
          <EditDocumentForm
            reply={reply}
            document={{ title: document.title, visibility: document.visibility, updatedAt: new Date(document.updatedAt).toISOString() }}
          />
          <DeleteDocumentForm reply={reply} />
        </div>
      ) : null}
    </section>
  );
}
