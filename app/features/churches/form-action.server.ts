// The church form's action, shared by "new" and "edit": convert Lambert 72, or save with
// optimistic locking. Input that is refused always comes back so the form keeps it.
import { parseWithZod } from "@conform-to/zod/v4";
import { data, redirect } from "@remix-run/node";
import type { SessionUser } from "~/features/auth/session.server";
import { formatNumber } from "~/platform/i18n/format";
import { ChurchFieldError, createChurch, updateChurch } from "./churches.server";
import { lambert72ToWgs84 } from "./lambert72";
import { ChurchFormSchema, ConvertSchema, decimalText, toChurchData } from "./schemas";

export async function churchFormAction({ request, actor, id }: { request: Request; actor: SessionUser; id?: string }) {
  const formData = await request.formData();
  const intent = formData.get("intent");

  if (intent === "convert") {
    const submission = parseWithZod(formData, { schema: ConvertSchema });
    if (submission.status !== "success") return data({ result: submission.reply(), notice: null, conflict: null }, { status: 400 });
    const { lambertX: x, lambertY: y } = submission.value;
    const { lat, lng } = lambert72ToWgs84({ x, y });
    // Re-parse with the converted values in place, so the re-rendered form shows them.
    formData.set("lat", decimalText(lat));
    formData.set("lng", decimalText(lng));
    const converted = parseWithZod(formData, { schema: ConvertSchema });
    const params = { x: formatNumber(x, 2), y: formatNumber(y, 2), lat: formatNumber(lat, 6), lng: formatNumber(lng, 6) };
    return { result: converted.reply(), notice: { key: "churches.location.converted", params }, conflict: null };
  }
  if (intent !== "save") throw new Response("Bad Request", { status: 400 });

  const submission = parseWithZod(formData, { schema: ChurchFormSchema });
  if (submission.status !== "success") return data({ result: submission.reply(), notice: null, conflict: null }, { status: 400 });
  const churchData = toChurchData(submission.value);
  try {
    if (!id) {
      const church = await createChurch({ actor, data: churchData });
      return redirect(`/kerken/${church.id}?opgeslagen=1`);
    }
    const version = submission.value.version;
    if (version === undefined) throw new Response("Bad Request", { status: 400 });
    const saved = await updateChurch({ actor, id, version, data: churchData });
    if (!saved.ok) {
      return data({ result: submission.reply(), notice: null, conflict: saved.conflict }, { status: 409 });
    }
    return redirect(`/kerken/${id}?opgeslagen=1`);
  } catch (error) {
    if (error instanceof ChurchFieldError) {
      return data({ result: submission.reply({ fieldErrors: { [error.field]: [error.key] } }), notice: null, conflict: null }, { status: 400 });
    }
    throw error;
  }
}
