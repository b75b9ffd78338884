// The CSV import's preview table and the documentation of the accepted columns and values.
import { translate } from "~/platform/i18n/catalogue";
import { useLocale, useT } from "~/platform/i18n/use-t";
import { decodeMessage } from "~/platform/validation";
import { COLUMN_ALIASES, type CsvIssue, IMPORT_COLUMNS, VALUE_ALIASES } from "./csv-import";
import type { ImportPreview } from "./import.server";

/** One problem in the user's language: "Line 4, column naam: Please fill in this field." */
export function IssueText({ issue }: { issue: CsvIssue }) {
  const locale = useLocale();
  // zod messages may carry their parameters inside the key ("error.tooLong?max=160").
  const { key, params } = decodeMessage(issue.key);
  const message = translate(locale, key, { ...params, ...issue.params });
  const where =
    issue.line !== null && issue.column !== null
      ? translate(locale, "churches.import.where.lineColumn", { line: issue.line, column: issue.column })
      : issue.line !== null
        ? translate(locale, "churches.import.where.line", { line: issue.line })
        : issue.column !== null
          ? translate(locale, "churches.import.where.column", { column: issue.column })
          : null;
  return (
    <span>
      {where ? <strong>{where}: </strong> : null}
      {message}
    </span>
  );
}

export function ImportPreviewTable({ preview }: { preview: ImportPreview }) {
  const t = useT();
  const { counts } = preview;
  return (
    <>
      <p data-testid="import-summary">
        {t("churches.import.summary", {
          rows: counts.rows,
          create: counts.create,
          update: counts.update,
          problems: counts.withIssues,
          separator: preview.separator,
        })}
      </p>
      {preview.fileIssues.length ? (
        <ul className="alert alert--warn" style={{ paddingLeft: "2rem" }} data-testid="file-issues">
          {preview.fileIssues.map((issue, i) => (
            <li key={i}>
              <IssueText issue={issue} />
            </li>
          ))}
        </ul>
      ) : null}
      {preview.rows.length ? (
        <div className="table-wrap">
          <table className="table" data-testid="import-preview">
            <caption className="visually-hidden">{t("churches.import.previewCaption")}</caption>
            <thead>
              <tr>
                <th scope="col" className="num">
                  {t("churches.import.col.line")}
                </th>
                <th scope="col">{t("churches.field.name")}</th>
                <th scope="col">{t("churches.field.nisCode")}</th>
                <th scope="col">{t("churches.import.col.action")}</th>
                <th scope="col">{t("churches.import.col.problems")}</th>
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row) => (
                <tr key={row.line}>
                  <td className="num">{row.line}</td>
                  <td>{row.name ?? "–"}</td>
                  <td>{row.municipality ?? "–"}</td>
                  <td>
                    {row.issues.length ? (
                      <span className="pill pill--danger">{t("churches.import.action.none")}</span>
                    ) : row.action === "update" ? (
                      <span className="pill pill--warn">{t("churches.import.action.update")}</span>
                    ) : (
                      <span className="pill pill--ok">{t("churches.import.action.create")}</span>
                    )}
                  </td>
                  <td>
                    {row.issues.length ? (
                      <ul style={{ margin: 0, paddingLeft: "1.1rem" }}>
                        {row.issues.map((issue, i) => (
                          <li key={i}>
                            <IssueText issue={{ ...issue, line: null }} />
                          </li>
                        ))}
                      </ul>
                    ) : (
                      t("churches.import.ok")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </>
  );
}

const ENUM_LABEL_PREFIX = {
  protectionStatus: "churches.protection",
  condition: "churches.condition",
  currentUse: "churches.use",
  policyDestination: "churches.destination",
} as const;

export function ImportDocumentation() {
  const t = useT();
  return (
    <section className="card" aria-labelledby="import-doc">
      <h2 id="import-doc">{t("churches.import.doc.title")}</h2>
      <p>{t("churches.import.doc.intro")}</p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t("churches.import.doc.column")}</th>
              <th scope="col">{t("churches.import.doc.headers")}</th>
              <th scope="col">{t("churches.import.doc.content")}</th>
            </tr>
          </thead>
          <tbody>
            {IMPORT_COLUMNS.map((column) => (
              <tr key={column}>
                <th scope="row">{t(`churches.import.colName.${column}`)}</th>
                <td>
                  <code>{COLUMN_ALIASES[column].join(", ")}</code>
                </td>
                <td>{t(`churches.import.colDoc.${column}`)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3 style={{ marginTop: "1rem" }}>{t("churches.import.doc.values")}</h3>
      <dl>
        {(Object.keys(VALUE_ALIASES) as (keyof typeof VALUE_ALIASES)[]).map((column) => (
          <div key={column}>
            <dt>
              <strong>{t(`churches.import.colName.${column}`)}</strong>
            </dt>
            <dd style={{ margin: "0 0 0.75rem" }}>
              <ul style={{ margin: 0 }}>
                {Object.entries(VALUE_ALIASES[column]).map(([code, aliases]) => (
                  <li key={code}>
                    {t(`${ENUM_LABEL_PREFIX[column]}.${code}`)}: <code>{[code, ...aliases].join(", ")}</code>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        ))}
      </dl>
      <p>{t("churches.import.doc.matching")}</p>
      <p>{t("churches.import.doc.example")}</p>
      <pre style={{ overflowX: "auto", background: "#f3f1ec", padding: "0.75rem", borderRadius: "6px" }}>
        {"naam;parochie;gemeente;x;y;beschermingsstatus;erfgoedobject\nSint-Jacobskerk;Sint-Jacobus;Gent;105361,2;194257,9;beschermd;https://id.erfgoed.net/erfgoedobjecten/25393"}
      </pre>
    </section>
  );
}
