import { useRouteLoaderData } from "@remix-run/react";
import type { RootData } from "~/root";

/** The root loader's data (locale, user, map tile settings), from any component. */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData("root") as RootData | undefined;
}
