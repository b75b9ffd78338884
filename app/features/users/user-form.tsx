import { type FieldMetadata, getSelectProps, getInputProps } from "@conform-to/react";
import { Field } from "~/components/forms";
import { ROLES } from "~/features/auth/permissions";
import { useT } from "~/platform/i18n/use-t";

type Option = { nisCode: string; name: string; province: string };

/** Name, role and municipalities: the fields that create and edit share. */
export function UserFields({
  fields,
  municipalities,
}: {
  fields: {
    name: FieldMetadata<string>;
    role: FieldMetadata<string>;
    municipalities: FieldMetadata<string[]>;
  };
  municipalities: Option[];
}) {
  const t = useT();
  const provinces = [...new Set(municipalities.map((m) => m.province))].sort();
  return (
    <>
      <Field field={fields.name} label={t("users.field.name")}>
        <input {...getInputProps(fields.name, { type: "text" })} autoComplete="off" />
      </Field>
      <Field field={fields.role} label={t("users.field.role")}>
        <select {...getSelectProps(fields.role)}>
          {ROLES.map((r) => (
            <option key={r} value={r}>
              {t(`role.${r}`)}
            </option>
          ))}
        </select>
      </Field>
      <Field field={fields.municipalities} label={t("users.field.municipalities")} hint={t("users.field.municipalitiesHint")}>
        <select {...getSelectProps(fields.municipalities)} multiple size={8}>
          {provinces.map((p) => (
            <optgroup key={p} label={p}>
              {municipalities
                .filter((m) => m.province === p)
                .map((m) => (
                  <option key={m.nisCode} value={m.nisCode}>
                    {m.name}
                  </option>
                ))}
            </optgroup>
          ))}
        </select>
      </Field>
    </>
  );
}
