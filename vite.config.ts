import { vitePlugin as remix } from "@remix-run/dev";
import { defineConfig } from "vite";
import tsconfigPaths from "vite-tsconfig-paths";

declare module "@remix-run/node" {
  interface Future {
    v3_singleFetch: true;
  }
}

export default defineConfig({
  server: { port: 3000 },
  plugins: [
    remix({
      // BUILD_DIR lets two builds run side by side (parallel end-to-end runs).
      buildDirectory: process.env.BUILD_DIR ?? "build",
      // Every v3 flag on, so the code reads like React Router framework mode and the
      // upgrade is a codemod (docs/decisions/0001-remix-v2-with-future-flags.md).
      future: {
        v3_fetcherPersist: true,
        v3_relativeSplatPath: true,
        v3_throwAbortReason: true,
        v3_singleFetch: true,
        v3_lazyRouteDiscovery: true,
        v3_routeConfig: true,
      },
    }),
    tsconfigPaths(),
  ],
  build: { target: "es2022" },
});
