import { parseWithZod } from "@conform-to/zod/v4";
import { type ActionFunctionArgs, data, type LinksFunction, type LoaderFunctionArgs, type MetaFunction, redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { requireUser } from "~/features/auth/guards.server";
import { isStaff } from "~/features/auth/permissions";
import { ChangesView } from "~/features/review/changes-view";
import { addComment, assertMayComment } from "~/features/review/comments.server";
import { type CommentActionData, CommentsView } from "~/features/review/comments-view";
import { assertMayDecide, decide } from "~/features/review/decisions.server";
import { DecisionView } from "~/features/review/decision-view";
import { ReviewRefusal } from "~/features/review/errors";
import { FiguresCompare } from "~/features/review/figures-compare";
import { InputsView } from "~/features/review/inputs-view";
import reviewStyles from "~/features/review/review.css?url";
import { getReviewPage } from "~/features/review/review.server";
import { CommentSchema, DecisionSchema } from "~/features/review/schemas";
import { simulate } from "~/features/simulation/engine";
import { Results } from "~/features/simulation/results";
import simulationStyles from "~/features/simulation/simulation.css?url";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: simulationStyles },
  { rel: "stylesheet", href: reviewStyles },
];

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.dossier.reference} · ${data.version.scenario.name} v${data.version.number} · Herbestemming` : "Herbestemming" },
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await getReviewPage({ user, versionId: params.versionId ?? "" });
  return { ...page, isStaff: isStaff(user) };
}

const FORM_ID = /^(comment-new|reply-[A-Za-z0-9_-]{1,64})$/;

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const versionId = params.versionId ?? "";
  const formData = await request.formData();
  const intent = formData.get("intent");
  if (intent === "comment") {
    // Who may be here first: another municipality's version is 404 whatever the form says.
    await assertMayComment(user, versionId);
    const rawFormId = String(formData.get("formId") ?? "");
    const formId = FORM_ID.test(rawFormId) ? rawFormId : "comment-new";
    const submission = parseWithZod(formData, { schema: CommentSchema });
    if (submission.status !== "success") return data({ formId, result: submission.reply() }, { status: 400 });
    try {
      const comment = await addComment({ user, versionId, ...submission.value });
      throw redirect(`/beoordelingen/${versionId}#comment-${comment.id}`);
    } catch (error) {
      if (!(error instanceof ReviewRefusal)) throw error;
      const result = error.field ? submission.reply({ fieldErrors: { [error.field]: [error.key] } }) : submission.reply({ formErrors: [error.key] });
      return data({ formId, result }, { status: error.status });
    }
  }
  if (intent === "decide") {
    await assertMayDecide(user, versionId);
    const submission = parseWithZod(formData, { schema: DecisionSchema });
    if (submission.status !== "success") return data({ formId: "decision", result: submission.reply() }, { status: 400 });
    try {
      await decide({ user, versionId, decision: submission.value.decision, reason: submission.value.reason });
    } catch (error) {
      if (!(error instanceof ReviewRefusal)) throw error;
      const result = error.field ? submission.reply({ fieldErrors: { [error.field]: [error.key] } }) : submission.reply({ formErrors: [error.key] });
      return data({ formId: "decision", result }, { status: error.status });
    }
    throw redirect(`/beoordelingen/${versionId}#decision-title`);
  }
  // An unknown intent: still 404 for a version the user may not see, so nothing leaks.
  await assertMayComment(user, versionId);
  throw new Response("Bad Request", { status: 400 });
}

export default function ReviewPage() {
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as CommentActionData;
  const t = useT();
  const locale = useLocale();
  const result = useMemo(() => simulate(page.input), [page.input]);
  const { version, dossier, hash } = page;
  const commentCounts: Record<string, number> = {};
  for (const c of page.comments) if (c.inputPath) commentCounts[c.inputPath] = (commentCounts[c.inputPath] ?? 0) + 1;
  const decisionResult = actionData?.formId === "decision" ? actionData.result : undefined;
  return (
    <>
      <p>
        {page.isStaff ? (
          <Link to={`/dossiers/${dossier.id}`}>← {t("review.backToDossier", { reference: dossier.reference })}</Link>
        ) : (
          <Link to="/gemeente">← {t("review.home.title")}</Link>
        )}
      </p>
      <div className="page-header">
        <h1>{t("review.page.title", { scenario: version.scenario.name, number: version.number })}</h1>
        <span className={`pill ${version.status === "APPROVED" ? "pill--ok" : version.status === "SUBMITTED" ? "pill--warn" : "pill--muted"}`} data-testid="version-status">
          {t(`review.status.${version.status}`)}
        </span>
      </div>
      <dl className="review-meta">
        <dt>{t("review.page.dossier")}</dt>
        <dd>
          {dossier.reference} · {dossier.church}
          {dossier.place ? ` (${dossier.place})` : ""} · {t(`dossiers.phase.${dossier.phase}`)}
        </dd>
        <dt>{t("review.page.submitted")}</dt>
        <dd>{t("review.page.submittedByAt", { name: version.submittedBy ?? "–", date: formatDateTime(version.submittedAt, locale) })}</dd>
        {version.basedOn ? (
          <>
            <dt>{t("review.page.basedOn")}</dt>
            <dd>{t("review.page.versionNumber", { number: version.basedOn })}</dd>
          </>
        ) : null}
        <dt>{t("review.page.hash")}</dt>
        <dd>
          <code className="review-hash" data-testid="content-hash">
            {hash.stored ?? "–"}
          </code>
        </dd>
      </dl>
      {hash.matches ? (
        <p className="muted" data-testid="hash-check">
          {t("review.page.hashOk")}
        </p>
      ) : (
        <div className="alert alert--error review-mismatch" role="alert" data-testid="hash-check">
          <p style={{ margin: 0 }}>{t("review.page.hashMismatch", { recomputed: hash.recomputed })}</p>
        </div>
      )}

      <section className="review-section" aria-labelledby="decision-title">
        <h2 id="decision-title" tabIndex={-1}>
          {t("review.decision.title")}
        </h2>
        <DecisionView
          review={page.review}
          canDecide={page.can.decide}
          isStaff={page.isStaff}
          closedReason={page.decisionClosed}
          lastResult={decisionResult}
        />
      </section>

      <section className="review-section" aria-labelledby="changes">
        <h2 id="changes">{t("review.changes.title")}</h2>
        <ChangesView changes={page.changes} currentNumber={version.number} />
      </section>

      <section className="review-section" aria-labelledby="inputs">
        <h2 id="inputs">{t("review.inputs.title")}</h2>
        <InputsView input={page.input} commentCounts={commentCounts} canComment={page.can.comment} />
      </section>

      <section className="review-section review-results" aria-labelledby="results">
        <h2 id="results">{t("review.results.title")}</h2>
        <Results result={result} headingLevel={3} idPrefix="review-results" />
      </section>

      <section className="review-section" aria-labelledby="compare">
        <h2 id="compare">{t("review.compare.title")}</h2>
        <FiguresCompare current={{ scenario: version.scenario.name, number: version.number, figures: page.figures }} others={page.others} />
      </section>

      <section className="review-section" aria-labelledby="comments">
        <h2 id="comments">{t("review.comments.title")}</h2>
        <CommentsView comments={page.comments} rows={page.rows} canComment={page.can.comment} writeInternal={page.can.writeInternal} actionData={actionData} />
      </section>
    </>
  );
}
