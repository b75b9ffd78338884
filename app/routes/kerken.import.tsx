import {
  type ActionFunctionArgs,
  data,
  type LoaderFunctionArgs,
  MaxPartSizeExceededError,
  type MetaFunction,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
} from "@remix-run/node";
import { Form, Link, useActionData, useNavigation } from "@remix-run/react";
import { requireUserWithPermission } from "~/features/auth/guards.server";
import { ImportDocumentation, ImportPreviewTable, IssueText } from "~/features/churches/import-view";
import { decodeCsv } from "~/features/churches/csv-import";
import { previewImport, runImport, type ImportPreview } from "~/features/churches/import.server";
import { useT } from "~/platform/i18n/use-t";

export const meta: MetaFunction = () => [{ title: "Kerken importeren · Herbestemming" }];

const MAX_BYTES = 5_000_000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireUserWithPermission(request, "editRegister");
  return null;
}

type Problem = { key: string; params?: Record<string, string | number> };
type ActionData =
  | { stage: "problem"; problem: Problem }
  | { stage: "preview"; preview: ImportPreview; content: string; fileName: string }
  | { stage: "done"; created: number; updated: number; fileName: string };

const problem = (key: string, status: number, params?: Problem["params"]) =>
  data<ActionData>({ stage: "problem", problem: { key, params } }, { status });

async function readForm(request: Request): Promise<FormData | "tooLarge" | "bad"> {
  const type = request.headers.get("Content-Type") ?? "";
  if (!type.startsWith("multipart/form-data")) return request.formData().catch(() => "bad" as const);
  try {
    return await unstable_parseMultipartFormData(request, unstable_createMemoryUploadHandler({ maxPartSize: MAX_BYTES }));
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return "tooLarge";
    return "bad";
  }
}

export async function action({ request }: ActionFunctionArgs) {
  const actor = await requireUserWithPermission(request, "editRegister");
  const form = await readForm(request);
  if (form === "tooLarge") return problem("churches.import.error.tooLarge", 413, { max: "5 MB" });
  if (form === "bad") return problem("churches.import.error.noFile", 400);
  const intent = form.get("intent");

  if (intent === "preview") {
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0) return problem("churches.import.error.noFile", 400);
    const text = decodeCsv(new Uint8Array(await file.arrayBuffer()));
    if (text === null) return problem("churches.import.error.notUtf8", 400);
    const preview = await previewImport({ actor, text });
    return data<ActionData>({ stage: "preview", preview, content: text, fileName: file.name }, { status: preview.importable ? 200 : 400 });
  }

  if (intent === "import") {
    const content = form.get("content");
    const fileName = String(form.get("fileName") ?? "").slice(0, 200);
    if (typeof content !== "string" || content === "") return problem("churches.import.error.noFile", 400);
    // The confirmed file is checked again: the preview's verdict is never trusted.
    const outcome = await runImport({ actor, text: content, fileName });
    if (!outcome.ok) return data<ActionData>({ stage: "preview", preview: outcome.preview, content, fileName }, { status: 400 });
    return data<ActionData>({ stage: "done", created: outcome.created, updated: outcome.updated, fileName });
  }
  throw new Response("Bad Request", { status: 400 });
}

export default function ImportChurchesPage() {
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const busy = navigation.state === "submitting";
  const t = useT();
  return (
    <>
      <p>
        <Link to="/kerken">← {t("churches.title")}</Link>
      </p>
      <h1>{t("churches.import.title")}</h1>
      <p className="lead">{t("churches.import.intro")}</p>

      {result?.stage === "problem" ? (
        <div className="alert alert--error" role="alert" data-testid="import-problem">
          <IssueText issue={{ line: null, column: null, ...result.problem }} />
        </div>
      ) : null}
      {result?.stage === "done" ? (
        <div className="alert alert--ok" role="status" data-testid="import-done">
          <p>{t("churches.import.done", { created: result.created, updated: result.updated, file: result.fileName })}</p>
          <p style={{ margin: 0 }}>
            <Link to="/kerken?sort=updated&dir=desc">{t("churches.import.seeList")}</Link>
          </p>
        </div>
      ) : null}

      <Form method="post" encType="multipart/form-data" className="form card">
        <h2>{t("churches.import.step1")}</h2>
        <div className="field">
          <label htmlFor="file">{t("churches.import.file")}</label>
          <span id="file-hint" className="field__hint">
            {t("churches.import.fileHint")}
          </span>
          <input id="file" name="file" type="file" accept=".csv,text/csv" required aria-describedby="file-hint" />
        </div>
        <div>
          <button type="submit" name="intent" value="preview" className="button" disabled={busy}>
            {t("churches.import.check")}
          </button>
        </div>
      </Form>

      {result?.stage === "preview" ? (
        <section className="card" aria-labelledby="preview-title">
          <h2 id="preview-title">{t("churches.import.step2", { file: result.fileName })}</h2>
          <ImportPreviewTable preview={result.preview} />
          {result.preview.importable ? (
            <Form method="post" encType="multipart/form-data" className="actions">
              <input type="hidden" name="content" value={result.content} />
              <input type="hidden" name="fileName" value={result.fileName} />
              <button type="submit" name="intent" value="import" className="button" disabled={busy}>
                {t("churches.import.confirm")}
              </button>
            </Form>
          ) : (
            <p className="alert alert--error" role="alert">
              {t("churches.import.fixFirst")}
            </p>
          )}
        </section>
      ) : null}

      <ImportDocumentation />
    </>
  );
}
