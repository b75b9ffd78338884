// /dossiers/<id>/publicatie: the staff tab that turns a completed dossier into a public
// case: edit the public fields, preview exactly as the public sees it, publish, unpublish.
import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import leafletStyles from "leaflet/dist/leaflet.css?url";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { PublicCaseView } from "~/features/publication/case-view";
import { metaText } from "~/features/publication/meta";
import mapStyles from "~/features/publication/publication.css?url";
import { PublicationForm } from "~/features/publication/publication-form";
import { getPublicationEditor, PublicationRefused, savePublication, unpublishCase } from "~/features/publication/publication.server";
import { PublicationSchema, UnpublishSchema } from "~/features/publication/schemas";
import { translate } from "~/platform/i18n/catalogue";
import { getLocale } from "~/platform/i18n/locale.server";
import { useT } from "~/platform/i18n/use-t";
import { encodeMessage } from "~/platform/validation";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: leafletStyles },
  { rel: "stylesheet", href: mapStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  { title: `${metaText(matches, "publication.tab.title")} · ${data?.dossier.reference ?? ""} · Herbestemming` },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUserWithPermission(request, "writeReport");
  return getPublicationEditor({ user, dossierId: params.id ?? "" });
}

type Notice = "publication.notice.saved" | "publication.notice.published" | "publication.notice.unpublished";

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUserWithPermission(request, "writeReport");
  const dossierId = params.id ?? "";
  const formData = await request.formData();
  const refusal = async (submission: { reply: (o: { formErrors?: string[]; fieldErrors?: Record<string, string[]> }) => unknown }, error: PublicationRefused) => {
    const locale = await getLocale(request, user);
    const params = Object.fromEntries(Object.entries(error.params).map(([k, v]) => [k, typeof v === "string" && v.includes(".") ? translate(locale, v) : v]));
    const message = encodeMessage(error.key, params);
    const reply = error.field ? submission.reply({ fieldErrors: { [error.field]: [message] } }) : submission.reply({ formErrors: [message] });
    return data({ result: reply, notice: null as Notice | null }, { status: error.key === "publication.error.conflict" ? 409 : 400 });
  };
  if (formData.get("intent") === "unpublish") {
    const submission = parseWithZod(formData, { schema: UnpublishSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), notice: null as Notice | null }, { status: 400 });
    try {
      await unpublishCase({ user, dossierId, version: submission.value.version });
    } catch (error) {
      if (error instanceof PublicationRefused) return refusal(submission, error);
      throw error;
    }
    return { result: undefined, notice: "publication.notice.unpublished" as Notice | null };
  }
  const submission = parseWithZod(formData, { schema: PublicationSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), notice: null as Notice | null }, { status: 400 });
  const { intent, ...input } = submission.value;
  try {
    await savePublication({ user, dossierId, input, publish: intent === "publish" });
  } catch (error) {
    if (error instanceof PublicationRefused) return refusal(submission, error);
    throw error;
  }
  // Reset the form to the saved state (the new version comes from the loader).
  return {
    result: submission.reply({ resetForm: true }),
    notice: (intent === "publish" ? "publication.notice.published" : "publication.notice.saved") as Notice | null,
  };
}

export default function PublicationTab() {
  const editor = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const t = useT();
  const { publication, preview } = editor;
  const status = publication?.status ?? "NONE";
  return (
    <section aria-labelledby="publication-title" className="publication-tab">
      <h2 id="publication-title">{t("publication.tab.title")}</h2>
      <p>{t("publication.tab.intro")}</p>
      {actionData?.notice ? (
        <div className="alert alert--ok" role="status">
          <p style={{ margin: 0 }}>
            {t(actionData.notice)}
            {publication?.status === "PUBLISHED" ? (
              <>
                {" "}
                <Link to={`/kaart/${publication.slug}`}>{t("publication.notice.viewPublic")}</Link>
              </>
            ) : null}
          </p>
        </div>
      ) : null}
      <dl className="case-facts">
        <dt>{t("publication.status.label")}</dt>
        <dd>
          <span className={status === "PUBLISHED" ? "pill pill--ok" : "pill pill--muted"} data-testid="publication-status">
            {t(`publication.status.${status}`)}
          </span>
        </dd>
        {publication ? (
          <>
            <dt>{t("publication.tab.publicUrl")}</dt>
            <dd>
              {publication.status === "PUBLISHED" ? (
                <Link to={`/kaart/${publication.slug}`} data-testid="public-url">{`/kaart/${publication.slug}`}</Link>
              ) : (
                <code data-testid="public-url">{`/kaart/${publication.slug}`}</code>
              )}{" "}
              <span className="muted">{publication.slugFixed ? t("publication.tab.slugFixed") : t("publication.tab.slugDraft")}</span>
            </dd>
          </>
        ) : null}
      </dl>
      {editor.canPublish ? (
        <>
          <PublicationForm
            key={publication?.version ?? 0}
            dossierId={editor.dossier.id}
            defaults={editor.defaults}
            photos={editor.photos}
            reports={editor.reports}
            status={publication?.status ?? null}
            lastResult={actionData?.notice ? undefined : actionData?.result}
          />
          {publication?.status === "PUBLISHED" ? (
            <Form method="post" className="actions">
              <input type="hidden" name="version" value={publication.version} />
              <button type="submit" name="intent" value="unpublish" className="button button--danger">
                {t("publication.form.unpublish")}
              </button>
            </Form>
          ) : null}
        </>
      ) : (
        <div className="alert alert--warn" role="status">
          {t("publication.tab.notCompleted", { phase: t(`dossiers.phase.${editor.dossier.phase}`) })}
        </div>
      )}
      <section aria-labelledby="preview-title" className="card">
        <h2 id="preview-title">{t("publication.preview.title")}</h2>
        {preview ? (
          <>
            <p className="muted">{t("publication.preview.intro")}</p>
            <div className="publication-preview">
              <PublicCaseView item={preview} headingLevel={2} />
            </div>
          </>
        ) : (
          <p className="muted">{t("publication.preview.none")}</p>
        )}
      </section>
    </section>
  );
}
