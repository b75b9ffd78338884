import type { RouteConfig } from "@remix-run/route-config";
import { flatRoutes } from "@remix-run/fs-routes";

// File-system routes (Remix flat routes): one file per URL under app/routes/.
export default flatRoutes() satisfies RouteConfig;
