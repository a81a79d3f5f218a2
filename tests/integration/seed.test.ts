import { describe, expect, it } from "vitest";
import { verifyCredentials } from "@/app/_server/accounts";
import { DEMO, seed } from "@/prisma/seed";
import { databaseKinds, useMigratedDb } from "../helpers/databases";

describe.each(databaseKinds)("demo seed on $name", (kind) => {
  const db = useMigratedDb(kind);

  it("creates a teacher, a student and a class the student joined", async () => {
    const { created } = await seed(db().prisma);
    expect(created).toHaveLength(4);
    const classroom = await db().prisma.classroom.findUniqueOrThrow({
      where: { joinCode: DEMO.classroom.joinCode },
      include: { teacher: true, enrollments: { include: { user: true } } },
    });
    expect(classroom.teacher).toMatchObject({ email: DEMO.teacher.email, role: "TEACHER" });
    expect(classroom.enrollments.map((e) => e.user.email)).toEqual([DEMO.student.email]);
    const signIn = await verifyCredentials(db().prisma, { email: DEMO.student.email, password: DEMO.student.password, ip: null });
    expect(signIn.ok).toBe(true);
  });

  it("creates nothing twice when run again", async () => {
    const counts = async () => [await db().prisma.user.count(), await db().prisma.classroom.count(), await db().prisma.enrollment.count()];
    const before = await counts();
    expect((await seed(db().prisma)).created).toEqual([]);
    expect(await counts()).toEqual(before);
  });
});
