// The map's filters: a plain GET form, so the values live in the URL (shareable, works
// without JavaScript). Nothing happens before "Apply", so changing a choice with the
// keyboard never reloads the page under the user's hands.
import { Form } from "@remix-run/react";
import { useT } from "~/platform/i18n/use-t";
import { type CaseFilters, FILTER_PARAMS, type FilterOptions } from "./filters";

type Props = { filters: CaseFilters; options: FilterOptions; action: string };

export function CaseFiltersForm({ filters, options, action }: Props) {
  const t = useT();
  const select = (name: keyof CaseFilters, label: string, choices: { value: string; label: string }[]) => {
    const id = `filter-${FILTER_PARAMS[name]}`;
    const value = filters[name];
    return (
      <div className="field">
        <label htmlFor={id}>{label}</label>
        <select id={id} name={FILTER_PARAMS[name]} defaultValue={value === undefined ? "" : String(value)}>
          <option value="">{t("publication.filters.all")}</option>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      </div>
    );
  };
  return (
    <Form
      method="get"
      action={action}
      className="filters case-filters"
      aria-label={t("publication.filters.title")}
      preventScrollReset
    >
      {select(
        "functionCategory",
        t("publication.filters.function"),
        options.functionCategories.map((f) => ({ value: f, label: t(`publication.function.${f}`) })),
      )}
      {select("province", t("publication.filters.province"), options.provinces.map((p) => ({ value: p, label: p })))}
      {select(
        "nisCode",
        t("publication.filters.municipality"),
        options.municipalities.map((m) => ({ value: m.nisCode, label: m.name })),
      )}
      {select("year", t("publication.filters.year"), options.years.map((y) => ({ value: String(y), label: String(y) })))}
      {select(
        "protectionStatus",
        t("publication.filters.protection"),
        options.protectionStatuses.map((s) => ({ value: s, label: t(`publication.protection.${s}`) })),
      )}
      <div className="case-filters__buttons">
        <button type="submit" className="button">
          {t("publication.filters.apply")}
        </button>
        <a href={action} className="button button--secondary">
          {t("publication.filters.reset")}
        </a>
      </div>
    </Form>
  );
}
