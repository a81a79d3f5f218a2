// Prisma CLI configuration. Only `prisma generate` runs here (offline); `prisma migrate deploy`
// and `prisma migrate status` agree with `npm run db:migrate` on a machine that can download
// Prisma's engines. The app itself never reads this file (see app/_server/db.ts).
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
  datasource: { url: process.env.DATABASE_URL ?? "postgresql://localhost:5432/lambda_lab" },
});
