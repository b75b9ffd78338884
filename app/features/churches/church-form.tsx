// The church form, shared by "new" and "edit". Works without JavaScript (a "convert" submit
// button turns Lambert 72 into WGS84 on the server); with JavaScript the conversion is shown
// live and a click on the map fills in the location.
import { type FieldMetadata, getFormProps, getInputProps, getSelectProps, getTextareaProps, type SubmissionResult, useForm } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { Form } from "@remix-run/react";
import { type ReactNode, useState } from "react";
import { Field, FormErrors } from "~/components/forms";
import { formatNumber } from "~/platform/i18n/format";
import { useT } from "~/platform/i18n/use-t";
import { isInFlanders, lambert72ToWgs84, LAMBERT72_BOUNDS } from "./lambert72";
import { LocationMap } from "./location-map";
import {
  ChurchFormSchema,
  CONDITIONS,
  ConvertSchema,
  CURRENT_USES,
  decimalText,
  parseDecimal,
  POLICY_DESTINATIONS,
  PROTECTION_STATUSES,
} from "./schemas";

export type MunicipalityOption = { nisCode: string; name: string; province: string };
export type ConflictChange = { field: string; theirs: unknown; yours: unknown };
export type ChurchActionData = {
  result?: SubmissionResult<string[]>;
  notice?: { key: string; params?: Record<string, string | number> } | null;
  conflict?: { version: number; changes: ConflictChange[] } | null;
};

function numberOrNull(text: string | undefined): number | null {
  const value = parseDecimal(text ?? "");
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

/** The live Lambert 72 -> WGS84 preview (browser only). */
function previewOf(x: string, y: string) {
  const px = numberOrNull(x);
  const py = numberOrNull(y);
  if (px === null || py === null) return null;
  if (px < LAMBERT72_BOUNDS.minX || px > LAMBERT72_BOUNDS.maxX || py < LAMBERT72_BOUNDS.minY || py > LAMBERT72_BOUNDS.maxY) return null;
  const point = lambert72ToWgs84({ x: px, y: py });
  return { ...point, inFlanders: isInFlanders(point) };
}

export function MunicipalitySelect({ options, meta, placeholder }: { options: MunicipalityOption[]; meta: FieldMetadata<string>; placeholder: string }) {
  const provinces = [...new Set(options.map((m) => m.province))].sort();
  return (
    <select {...getSelectProps(meta)}>
      <option value="">{placeholder}</option>
      {provinces.map((p) => (
        <optgroup key={p} label={p}>
          {options
            .filter((m) => m.province === p)
            .map((m) => (
              <option key={m.nisCode} value={m.nisCode}>
                {m.name}
              </option>
            ))}
        </optgroup>
      ))}
    </select>
  );
}

/** A fieldset whose rows keep the form's spacing. */
function Section({ legend, children }: { legend: string; children: ReactNode }) {
  return (
    <fieldset>
      <legend>{legend}</legend>
      <div className="form form--wide">{children}</div>
    </fieldset>
  );
}

export function useChurchValueText(municipalities: MunicipalityOption[]) {
  const t = useT();
  return (field: string, value: unknown): string => {
    if (value === null || value === undefined || value === "") return t("churches.value.empty");
    if (field === "nisCode") return municipalities.find((m) => m.nisCode === value)?.name ?? String(value);
    if (field === "protectionStatus") return t(`churches.protection.${String(value)}`);
    if (field === "condition") return t(`churches.condition.${String(value)}`);
    if (field === "currentUse") return t(`churches.use.${String(value)}`);
    if (field === "policyDestination") return t(`churches.destination.${String(value)}`);
    if (typeof value === "number") return formatNumber(value, 6);
    return String(value);
  };
}

export function ChurchForm({
  id,
  defaultValue,
  version,
  municipalities,
  actionData,
  submitLabel,
}: {
  id: string;
  defaultValue: Record<string, string | undefined>;
  version?: number;
  municipalities: MunicipalityOption[];
  actionData?: ChurchActionData;
  submitLabel: string;
}) {
  const t = useT();
  const valueText = useChurchValueText(municipalities);
  const [form, fields] = useForm({
    id,
    lastResult: actionData?.result,
    defaultValue,
    shouldValidate: "onBlur",
    shouldRevalidate: "onInput",
    onValidate: ({ formData }) =>
      parseWithZod(formData, { schema: formData.get("intent") === "convert" ? ConvertSchema : ChurchFormSchema }),
  });
  const initial = (name: string) => {
    const v = (form.initialValue as Record<string, unknown> | undefined)?.[name];
    return typeof v === "string" ? v : (defaultValue[name] ?? "");
  };
  const [lambert, setLambert] = useState({ x: initial("lambertX"), y: initial("lambertY") });
  const [latLng, setLatLng] = useState({ lat: initial("lat"), lng: initial("lng") });
  const preview = previewOf(lambert.x, lambert.y);
  const typed = { lat: numberOrNull(latLng.lat), lng: numberOrNull(latLng.lng) };
  const point = preview ?? (typed.lat !== null && typed.lng !== null ? { lat: typed.lat, lng: typed.lng } : null);

  function pickOnMap(p: { lat: number; lng: number }) {
    // A click on the map is the newest intent: it replaces typed Lambert 72 coordinates.
    form.update({ name: fields.lat.name, value: decimalText(p.lat) });
    form.update({ name: fields.lng.name, value: decimalText(p.lng) });
    form.update({ name: fields.lambertX.name, value: "" });
    form.update({ name: fields.lambertY.name, value: "" });
    setLatLng({ lat: decimalText(p.lat), lng: decimalText(p.lng) });
    setLambert({ x: "", y: "" });
    setLocalNotice(null);
  }

  // With JavaScript the conversion happens here; the server does it when JavaScript is off.
  const [localNotice, setLocalNotice] = useState<ChurchActionData["notice"]>(null);
  function applyConversion(p: { lat: number; lng: number }) {
    form.update({ name: fields.lat.name, value: decimalText(p.lat) });
    form.update({ name: fields.lng.name, value: decimalText(p.lng) });
    setLatLng({ lat: decimalText(p.lat), lng: decimalText(p.lng) });
    const params = {
      x: formatNumber(numberOrNull(lambert.x), 2),
      y: formatNumber(numberOrNull(lambert.y), 2),
      lat: formatNumber(p.lat, 6),
      lng: formatNumber(p.lng, 6),
    };
    setLocalNotice({ key: "churches.location.converted", params });
  }

  const conflict = actionData?.conflict;
  const notice = localNotice ?? actionData?.notice;
  type Meta = Parameters<typeof getInputProps>[0];
  const text = (meta: Meta) => getInputProps(meta, { type: "text" });
  const decimal = (meta: Meta) => ({ ...getInputProps(meta, { type: "text" }), inputMode: "decimal" as const });

  return (
    <Form method="post" className="form form--wide card" {...getFormProps(form)}>
      {notice ? (
        <div className="alert alert--info" role="status" data-testid="form-notice">
          <p style={{ margin: 0 }}>{t(notice.key, notice.params)}</p>
        </div>
      ) : null}
      {conflict ? (
        <div className="alert alert--warn" role="alert" data-testid="conflict">
          <p>
            <strong>{t("churches.conflict.title")}</strong> {t("churches.conflict.body")}
          </p>
          {conflict.changes.length ? (
            <ul>
              {conflict.changes.map((c) => (
                <li key={c.field}>
                  {t(`churches.field.${c.field}`)}: {t("churches.conflict.theirs")} “{valueText(c.field, c.theirs)}” — {t("churches.conflict.yours")} “
                  {valueText(c.field, c.yours)}”
                </li>
              ))}
            </ul>
          ) : null}
          <p style={{ margin: 0 }}>{t("churches.conflict.again")}</p>
        </div>
      ) : null}
      {/* Enter in a field submits with the first submit button: make that "save", not "convert". */}
      <button type="submit" name="intent" value="save" className="visually-hidden" tabIndex={-1} aria-hidden="true">
        {submitLabel}
      </button>
      <FormErrors id={form.errorId} errors={form.errors} />
      {version !== undefined ? <input type="hidden" name="version" value={conflict?.version ?? version} /> : null}

      <Section legend={t("churches.section.identity")}>
        <div className="form-row">
          <Field field={fields.name} label={`${t("churches.field.name")} (${t("common.required")})`}>
            <input {...text(fields.name)} autoComplete="off" />
          </Field>
          <Field field={fields.parish} label={t("churches.field.parish")}>
            <input {...text(fields.parish)} autoComplete="off" />
          </Field>
        </div>
      </Section>

      <Section legend={t("churches.section.address")}>
        <div className="form-row">
          <Field field={fields.street} label={t("churches.field.street")}>
            <input {...text(fields.street)} autoComplete="off" />
          </Field>
          <Field field={fields.postalCode} label={t("churches.field.postalCode")}>
            <input {...text(fields.postalCode)} inputMode="numeric" autoComplete="off" />
          </Field>
          <Field field={fields.place} label={t("churches.field.place")}>
            <input {...text(fields.place)} autoComplete="off" />
          </Field>
          <Field field={fields.nisCode} label={`${t("churches.field.nisCode")} (${t("common.required")})`}>
            <MunicipalitySelect options={municipalities} meta={fields.nisCode} placeholder={t("churches.form.chooseMunicipality")} />
          </Field>
        </div>
      </Section>

      <Section legend={t("churches.section.location")}>
        <p className="field__hint">{t("churches.location.hint")}</p>
        <LocationMap point={point} onPick={pickOnMap} label={t("churches.map.label")} caption={t("churches.map.pickHint")} />
        <div className="form-row">
          <Field field={fields.lat} label={t("churches.field.lat")} hint={t("churches.field.latHint")}>
            <input {...decimal(fields.lat)} onChange={(e) => setLatLng((s) => ({ ...s, lat: e.target.value }))} />
          </Field>
          <Field field={fields.lng} label={t("churches.field.lng")} hint={t("churches.field.lngHint")}>
            <input {...decimal(fields.lng)} onChange={(e) => setLatLng((s) => ({ ...s, lng: e.target.value }))} />
          </Field>
        </div>
        <div className="form-row">
          <Field field={fields.lambertX} label={t("churches.field.lambertX")} hint={t("churches.field.lambertHint")}>
            <input {...decimal(fields.lambertX)} onChange={(e) => setLambert((s) => ({ ...s, x: e.target.value }))} />
          </Field>
          <Field field={fields.lambertY} label={t("churches.field.lambertY")} hint={t("churches.field.lambertHint")}>
            <input {...decimal(fields.lambertY)} onChange={(e) => setLambert((s) => ({ ...s, y: e.target.value }))} />
          </Field>
        </div>
        <p aria-live="polite" className="muted" data-testid="lambert-preview">
          {preview
            ? t(preview.inFlanders ? "churches.location.preview" : "churches.location.previewOutside", {
                lat: formatNumber(preview.lat, 6),
                lng: formatNumber(preview.lng, 6),
              })
            : null}
        </p>
        <div>
          <button
            type="submit"
            name="intent"
            value="convert"
            className="button button--secondary"
            formNoValidate
            onClick={(event) => {
              // A valid pair converts in the browser; otherwise the server answers with the field errors.
              if (preview?.inFlanders) {
                event.preventDefault();
                applyConversion(preview);
              }
            }}
          >
            {t("churches.location.convert")}
          </button>
        </div>
      </Section>

      <Section legend={t("churches.section.heritage")}>
        <div className="form-row">
          <Field field={fields.protectionStatus} label={t("churches.field.protectionStatus")}>
            <select {...getSelectProps(fields.protectionStatus)}>
              {PROTECTION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`churches.protection.${s}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.inventoryUri} label={t("churches.field.inventoryUri")} hint={t("churches.field.inventoryUriHint")}>
            <input {...getInputProps(fields.inventoryUri, { type: "url" })} autoComplete="off" />
          </Field>
          <Field field={fields.buildingPeriod} label={t("churches.field.buildingPeriod")} hint={t("churches.field.buildingPeriodHint")}>
            <input {...text(fields.buildingPeriod)} autoComplete="off" />
          </Field>
        </div>
      </Section>

      <Section legend={t("churches.section.building")}>
        <div className="form-row">
          <Field field={fields.floorAreaM2} label={t("churches.field.floorAreaM2")}>
            <input {...decimal(fields.floorAreaM2)} />
          </Field>
          <Field field={fields.condition} label={t("churches.field.condition")}>
            <select {...getSelectProps(fields.condition)}>
              <option value="">{t("churches.value.unknown")}</option>
              {CONDITIONS.map((c) => (
                <option key={c} value={c}>
                  {t(`churches.condition.${c}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.owner} label={t("churches.field.owner")}>
            <input {...text(fields.owner)} autoComplete="off" />
          </Field>
        </div>
        <div className="form-row">
          <Field field={fields.currentUse} label={t("churches.field.currentUse")}>
            <select {...getSelectProps(fields.currentUse)}>
              {CURRENT_USES.map((u) => (
                <option key={u} value={u}>
                  {t(`churches.use.${u}`)}
                </option>
              ))}
            </select>
          </Field>
          <Field field={fields.policyDestination} label={t("churches.field.policyDestination")}>
            <select {...getSelectProps(fields.policyDestination)}>
              {POLICY_DESTINATIONS.map((d) => (
                <option key={d} value={d}>
                  {t(`churches.destination.${d}`)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        <Field field={fields.notes} label={t("churches.field.notes")}>
          <textarea {...getTextareaProps(fields.notes)} />
        </Field>
      </Section>

      <div className="actions">
        <button type="submit" name="intent" value="save" className="button">
          {submitLabel}
        </button>
      </div>
    </Form>
  );
}
