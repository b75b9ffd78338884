// `npm run dev`: migrations and seed as for `npm start`, then Vite's dev server with HMR.
import { spawn } from "node:child_process";
import { migrate } from "./db/migrate";

async function main() {
  await migrate();
  const { runSeed } = await import("../prisma/seed");
  await runSeed({ demo: "if-empty" });
  const child = spawn("npx", ["remix", "vite:dev"], { stdio: "inherit", env: process.env });
  child.on("exit", (code) => process.exit(code ?? 0));
}

void main();
