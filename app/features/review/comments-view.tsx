// Comments on a version as threads, each optionally about one input row, with a form for a
// new comment and a reply form under each comment. Works without JavaScript: plain posts
// with an intent, errors per field from the action (conform).
import { getFormProps, getInputProps, getSelectProps, getTextareaProps, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import type { SubmissionResult } from "@conform-to/react";
import { Form, useSearchParams } from "@remix-run/react";
import { Field, FormErrors } from "~/components/forms";
import { formatDateTime } from "~/platform/i18n/format";
import { useLocale, useT } from "~/platform/i18n/use-t";
import type { InputRow } from "./input-rows";
import { rowAnchor } from "./inputs-view";
import { COMMENT_MAX, CommentSchema } from "./schemas";
import { buildThreads, type Thread } from "./threads";

export type CommentItem = {
  id: string;
  parentId: string | null;
  body: string;
  inputPath: string | null;
  internal: boolean;
  createdAt: Date | string;
  author: { name: string; role: string };
};

export type CommentActionData = { formId: string; result: SubmissionResult<string[]> } | null | undefined;

type Props = {
  comments: CommentItem[];
  rows: InputRow[];
  canComment: boolean;
  writeInternal: boolean;
  actionData: CommentActionData;
};

export function CommentsView({ comments, rows, canComment, writeInternal, actionData }: Props) {
  const t = useT();
  const threads = buildThreads(comments);
  const labels = new Map(rows.map((r) => [r.path, `${t(`simulation.field.${r.list}`)}: ${r.label}`]));
  return (
    <div data-testid="comments">
      {threads.length === 0 ? <p className="muted">{t("review.comments.empty")}</p> : null}
      <ol className="review-threads">
        {threads.map((thread) => (
          <CommentNode key={thread.id} node={thread} labels={labels} canComment={canComment} writeInternal={writeInternal} actionData={actionData} />
        ))}
      </ol>
      {/* Keyed by the newest comment: after a post the form starts empty again. */}
      {canComment ? <NewCommentForm key={comments.at(-1)?.id ?? "none"} rows={rows} writeInternal={writeInternal} actionData={actionData} /> : null}
    </div>
  );
}

function CommentNode({
  node,
  labels,
  canComment,
  writeInternal,
  actionData,
}: {
  node: Thread<CommentItem>;
  labels: Map<string, string>;
  canComment: boolean;
  writeInternal: boolean;
  actionData: CommentActionData;
}) {
  const t = useT();
  const locale = useLocale();
  return (
    <li className={node.internal ? "review-comment review-comment--internal" : "review-comment"} id={`comment-${node.id}`} data-testid="comment">
      <article aria-label={t("review.comments.by", { name: node.author.name })}>
        <p className="review-comment__meta">
          <strong>{node.author.name}</strong> · {t(`role.${node.author.role}`)} · <time dateTime={new Date(node.createdAt).toISOString()}>{formatDateTime(node.createdAt, locale)}</time>
          {node.internal ? <span className="pill pill--warn">{t("review.comments.internal")}</span> : null}
        </p>
        {node.inputPath ? (
          <p className="review-comment__row">
            {t("review.comments.about")} <a href={`#${rowAnchor(node.inputPath)}`}>{labels.get(node.inputPath) ?? node.inputPath}</a>
          </p>
        ) : null}
        <p className="review-comment__body">{node.body}</p>
        {canComment ? <ReplyForm key={node.replies.length} parent={node} writeInternal={writeInternal} actionData={actionData} /> : null}
      </article>
      {node.replies.length > 0 ? (
        <ol className="review-threads">
          {node.replies.map((reply) => (
            <CommentNode key={reply.id} node={reply} labels={labels} canComment={canComment} writeInternal={writeInternal} actionData={actionData} />
          ))}
        </ol>
      ) : null}
    </li>
  );
}

function resultFor(formId: string, actionData: CommentActionData) {
  return actionData?.formId === formId ? actionData.result : undefined;
}

function ReplyForm({ parent, writeInternal, actionData }: { parent: CommentItem; writeInternal: boolean; actionData: CommentActionData }) {
  const t = useT();
  const formId = `reply-${parent.id}`;
  const lastResult = resultFor(formId, actionData);
  const [form, fields] = useForm({
    id: formId,
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
  });
  // Open again after a failed reply, so the error and the typed text are visible.
  const open = lastResult?.status === "error";
  return (
    <details className="review-reply" open={open}>
      <summary>{t("review.comments.reply")}</summary>
      <Form method="post" className="form" {...getFormProps(form)}>
        <input type="hidden" name="intent" value="comment" />
        <input type="hidden" name="formId" value={formId} />
        <input type="hidden" name="parentId" value={parent.id} />
        <FormErrors id={form.errorId} errors={form.errors} />
        <Field field={fields.body} label={t("review.comments.replyLabel", { name: parent.author.name })}>
          <textarea {...getTextareaProps(fields.body)} rows={3} maxLength={COMMENT_MAX} />
        </Field>
        {writeInternal && !parent.internal ? (
          <div className="checkbox">
            <input {...getInputProps(fields.internal, { type: "checkbox" })} />
            <label htmlFor={fields.internal.id}>{t("review.comments.internalLabel")}</label>
          </div>
        ) : null}
        {parent.internal ? <p className="field__hint">{t("review.comments.internalThread")}</p> : null}
        <div>
          <button type="submit" className="button button--small">
            {t("review.comments.sendReply")}
          </button>
        </div>
      </Form>
    </details>
  );
}

function NewCommentForm({ rows, writeInternal, actionData }: { rows: InputRow[]; writeInternal: boolean; actionData: CommentActionData }) {
  const t = useT();
  const [searchParams] = useSearchParams();
  // "?rij=revenues[1]" (from a row's link) chooses that row; an unknown row chooses none.
  const asked = searchParams.get("rij") ?? "";
  const chosen = rows.some((r) => r.path === asked) ? asked : "";
  const lastResult = resultFor("comment-new", actionData);
  const [form, fields] = useForm({
    // Also the anchor the rows' "Opmerking" links jump to.
    id: "comment-form",
    lastResult,
    shouldValidate: "onBlur",
    onValidate: ({ formData }) => parseWithZod(formData, { schema: CommentSchema }),
  });
  return (
    <Form method="post" className="form card" {...getFormProps(form)} aria-labelledby="comment-form-title">
      <h3 id="comment-form-title">{t("review.comments.new")}</h3>
      <input type="hidden" name="intent" value="comment" />
      <input type="hidden" name="formId" value="comment-new" />
      <FormErrors id={form.errorId} errors={form.errors} />
      <Field field={fields.inputPath} label={t("review.comments.rowLabel")} hint={t("review.comments.rowHint")}>
        <select
          {...getSelectProps(fields.inputPath)}
          key={`${fields.inputPath.key ?? ""}-${chosen}`}
          defaultValue={lastResult?.status === "error" ? fields.inputPath.initialValue : chosen}
        >
          <option value="">{t("review.comments.wholeVersion")}</option>
          {rows.map((r) => (
            <option key={r.path} value={r.path}>
              {`${t(`simulation.field.${r.list}`)}: ${r.label}`}
            </option>
          ))}
        </select>
      </Field>
      <Field field={fields.body} label={t("review.comments.bodyLabel")}>
        <textarea {...getTextareaProps(fields.body)} rows={4} maxLength={COMMENT_MAX} />
      </Field>
      {writeInternal ? (
        <div className="checkbox">
          <input {...getInputProps(fields.internal, { type: "checkbox" })} />
          <label htmlFor={fields.internal.id}>{t("review.comments.internalLabel")}</label>
        </div>
      ) : null}
      <div>
        <button type="submit" className="button">
          {t("review.comments.send")}
        </button>
      </div>
    </Form>
  );
}
