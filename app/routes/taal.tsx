import { type ActionFunctionArgs, redirect } from "@remix-run/node";
import { safeRedirect } from "~/features/auth/schemas";
import { getOptionalUser } from "~/features/auth/guards.server";
import { setUserLocale } from "~/features/users/users.server";
import { localeCookie } from "~/platform/i18n/locale.server";
import { isLocale } from "~/platform/i18n/locales";

// Language switch: a plain form post, so it works without JavaScript. The choice is kept
// in a cookie and, for a logged-in user, on the account.
export async function action({ request }: ActionFunctionArgs) {
  const form = await request.formData();
  const locale = form.get("locale");
  const back = safeRedirect(form.get("redirectTo"));
  if (!isLocale(locale)) throw redirect(back);
  const user = await getOptionalUser(request);
  if (user) await setUserLocale(user.id, locale);
  throw redirect(back, { headers: { "Set-Cookie": await localeCookie.serialize(locale) } });
}

export async function loader() {
  throw redirect("/");
}
