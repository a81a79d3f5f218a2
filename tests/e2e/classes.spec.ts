import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

const EXERCISE = `id: triple-it
title: Triple it
instructions: Return \`event.n * 3\`.
function: { handler: index.handler, timeoutSeconds: 1 }
stub:
  index.mjs: |
    export const handler = async (event) => 0;
solution:
  index.mjs: |
    export const handler = async (event) => event.n * 3;
tests:
  - id: triples-two
    name: triples two
    points: 1
    event: { n: 2 }
    expect: { response: 6 }
  - id: triples-a-secret
    name: triples a secret number
    points: 3
    hidden: true
    event: { n: 7 }
    expect: { response: 21 }
`;

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("account-menu")).toBeVisible();
}

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("account-menu")).toBeVisible();
}

async function setCode(page: Page, testId: string, code: string) {
  const box = page.getByTestId(testId);
  await expect(box.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await box.locator(".monaco-editor").click();
  await page.evaluate((value) => {
    const monaco = (window as unknown as { monaco: { editor: { getEditors(): Array<{ hasTextFocus(): boolean; setValue(v: string): void }> } } }).monaco;
    monaco.editor.getEditors().find((e) => e.hasTextFocus())!.setValue(value);
  }, code);
}

async function expectNoAxeViolations(page: Page, scheme: "light" | "dark") {
  await page.emulateMedia({ colorScheme: scheme });
  await expect(page.locator("html")).toHaveAttribute("data-theme", scheme);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  expect(results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)).toEqual([]);
}

test("a teacher sets a custom exercise with hidden tests; a student joins, fails then passes; the gradebook shows both and exports CSV", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const className = `E2E class ${unique()}`;

  // Teacher: a class with a join code, then an assignment with a custom exercise.
  await signIn(page, "teacher@example.com", "lambda-lab-teacher");
  await page.goto("/classes/teaching");
  await page.getByLabel("Class name").fill(className);
  await page.getByLabel("Description (optional)").fill("Made by Playwright");
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const joinCode = (await page.getByTestId("join-code").textContent())!.trim();
  expect(joinCode).toMatch(/^[A-HJ-NP-Z2-9]{8}$/);
  await expect(page.getByTestId("join-link")).toContainText(`/classes/join?code=${joinCode}`);
  const classUrl = page.url();

  await page.getByRole("link", { name: "New assignment" }).click();
  await page.getByLabel("Title").fill("Week 1: multiplication");
  await page.getByLabel("Instructions (Markdown)").fill("Make **all** the tests pass.\n\n<script>alert(1)</script>");
  await page.getByRole("button", { name: "Add a custom exercise" }).click();
  await page.getByLabel(/Custom exercise \(YAML or JSON/).fill(EXERCISE);
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page).toHaveURL(classUrl);
  await expect(page.getByRole("heading", { name: "Week 1: multiplication" })).toBeVisible();
  await expect(page.getByText("Exercise: Triple it (100 points)")).toBeVisible();
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);

  // Student: joins with the code, submits a failing and then a passing solution.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const email = `student-${unique()}@example.com`;
  await signUp(student, "Sam Student", email, "sam-the-student");
  await student.goto("/classes/join");
  await student.getByLabel("Join code").fill(joinCode.toLowerCase());
  await student.getByRole("button", { name: "Join class" }).click();
  await expect(student.getByRole("heading", { level: 1, name: className })).toBeVisible();
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(student, scheme);
  await student.getByRole("link", { name: "Week 1: multiplication" }).click();
  await expect(student.getByText("Make all the tests pass.")).toBeVisible();
  await expect(student.locator("script", { hasText: "alert(1)" })).toHaveCount(0); // raw HTML is not rendered
  const item = student.getByTestId("assignment-item-0");
  await expect(item).toContainText("and 1 hidden test");
  await expect(item).not.toContainText("triples a secret number");

  await setCode(student, "assignment-item-0", "export const handler = async (event) => event.n + 4;");
  // The visible test runs in the browser first (2 + 4 = 6 passes it); only the server grades.
  await item.getByRole("button", { name: "Run the visible tests in my browser" }).click();
  await expect(item.getByTestId("browser-run")).toContainText("1 of 1 visible tests pass", { timeout: 30_000 });
  await item.getByRole("button", { name: "Submit for grading" }).click();
  await expect(item.getByTestId("submission-status").first()).toHaveText(/Queued|Grading|Graded/);
  await expect(item.getByTestId("submission-status").first()).toHaveText("Graded", { timeout: 90_000 });
  await expect(item.getByTestId("submission-score").first()).toHaveText("25%");
  await expect(item.getByTestId("hidden-summary")).toHaveText("Hidden tests: 0 passed, 1 failed");

  await setCode(student, "assignment-item-0", "export const handler = async (event) => event.n * 3;");
  await item.getByRole("button", { name: "Submit for grading" }).click();
  await expect(item.getByTestId("submission-score").first()).toHaveText("100%", { timeout: 90_000 });
  await expect(item.getByTestId("hidden-summary")).toHaveText("Hidden tests: 1 passed, 0 failed");
  await expect(item.getByTestId("item-points")).toHaveText("100");
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(student, scheme);
  await student.goto("/classes");
  await expect(student.getByRole("row", { name: /Week 1: multiplication/ })).toContainText("100 / 100");
  await studentContext.close();

  // Teacher: the gradebook shows both submissions; the CSV export has the student's score.
  await page.goto(classUrl);
  await expect(page.getByTestId("roster")).toContainText(email);
  await page.getByRole("link", { name: "Gradebook" }).click();
  const cell = page.getByTestId(`cell-${email}-0`);
  await expect(cell).toContainText("100");
  await expect(cell).toContainText("(2 tries)");
  await expect(page.getByTestId("most-failed")).toContainText("triples a secret number");
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);
  await page.getByRole("link", { name: "Sam Student" }).click();
  const detail = page.getByTestId("student-detail");
  await expect(detail.locator("details")).toHaveCount(2);
  await detail.locator("summary").last().click();
  await expect(detail).toContainText("event.n + 4");
  await expect(detail).toContainText("25% (1/2 tests)");

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^gradebook-e2e-class-.*\.csv$/);
  const csv = await (await import("node:fs/promises")).readFile(await download.path(), "utf8");
  const lines = csv.trim().split("\r\n");
  expect(lines[0]).toBe("Name,Email,Week 1: multiplication — Exercise: Triple it (100),Total (100)");
  expect(lines[1]).toBe(`Sam Student,${email},100,100`);
});

test("the classes pages refuse who may not see them", async ({ page }) => {
  // Signed out: to the sign-in page.
  await page.goto("/classes/teaching");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fclasses%2Fteaching/);
  // A learner: 403 on teachers' pages, and a bad join code is refused clearly.
  await signIn(page, "student@example.com", "lambda-lab-student");
  const response = await page.goto("/classes/teaching");
  expect(response?.status()).toBe(403);
  await page.goto("/classes/join?code=NOPE2345");
  await expect(page.getByLabel("Join code")).toHaveValue("NOPE2345");
  await page.getByRole("button", { name: "Join class" }).click();
  await expect(page.locator(".alert.error")).toHaveText("That join code does not work. Check it with your teacher.");
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);
  await page.goto("/classes");
  await expect(page.getByRole("heading", { name: "Serverless Foundations (demo)" })).toBeVisible();
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);
  // The gradebook CSV of someone else's class: 403.
  const csv = await page.request.get("/api/classes/not-a-class/gradebook");
  expect(csv.status()).toBe(403);
});

test("a teacher sets a question set from the bank, edits the assignment and previews it; a student passes the set; the gradebook filters by status", async ({ page, browser }) => {
  test.setTimeout(240_000);
  const className = `E2E quiz class ${unique()}`;
  await signIn(page, "teacher@example.com", "lambda-lab-teacher");
  await page.goto("/classes/teaching");
  await page.getByLabel("Class name").fill(className);
  await page.getByRole("button", { name: "Create class" }).click();
  await expect(page.getByRole("heading", { level: 1, name: className })).toBeVisible();
  const joinCode = (await page.getByTestId("join-code").textContent())!.trim();
  const classUrl = page.url();

  // A question set: one question found by searching, one pasted by id; pass mark 50%.
  await page.getByRole("link", { name: "New assignment" }).click();
  await page.getByLabel("Title").fill("Quiz week");
  await page.getByRole("button", { name: "Add a question set" }).click();
  await page.getByLabel("Module", { exact: true }).selectOption("foundations");
  await page.getByLabel("Search questions").fill("most accurate");
  await page.getByRole("checkbox", { name: /what-is-lambda/ }).check();
  await page.getByLabel(/Or paste question ids/).fill("serverless-idle-cost, no-such-id");
  await page.getByRole("button", { name: "Add these ids" }).click();
  // The main region, not the page: Next's route announcer is a role=alert too.
  await expect(page.locator("main").getByRole("alert")).toHaveText("Not in the bank: no-such-id");
  await expect(page.getByText("Picked: 2")).toBeVisible();
  await page.getByLabel("Pass mark (%)").fill("50");
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);
  await page.getByRole("button", { name: "Create assignment" }).click();
  await expect(page).toHaveURL(classUrl);
  await expect(page.getByText("Question set: 2 questions, pass at 50% (100 points)")).toBeVisible();

  // Edit: a new title; nobody has submitted yet, so nothing is locked.
  await page.getByRole("link", { name: "Edit “Quiz week”" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Edit “Quiz week”" })).toBeVisible();
  await expect(page.getByText("only its points can change")).toHaveCount(0);
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);
  await page.getByLabel("Title").fill("Quiz week (edited)");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page).toHaveURL(classUrl);
  await expect(page.getByRole("heading", { name: "Quiz week (edited)" })).toBeVisible();

  // Preview: the student's view, nothing to submit.
  await page.getByRole("link", { name: /Preview as a student/ }).click();
  await expect(page.getByRole("note")).toContainText("Nothing you do here is submitted");
  await expect(page.getByTestId("set-question-1")).toContainText("True or false?");
  await expect(page.getByRole("button", { name: /Submit/ })).toHaveCount(0);
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);

  // A student answers both questions right: 100%, passed.
  const studentContext = await browser.newContext();
  const student = await studentContext.newPage();
  const email = `quiz-${unique()}@example.com`;
  await signUp(student, "Quinn Quiz", email, "quinn-the-student");
  await student.goto(`/classes/join?code=${joinCode}`);
  await student.getByRole("button", { name: "Join class" }).click();
  await student.getByRole("link", { name: "Quiz week (edited)" }).click();
  const set = student.getByTestId("assignment-item-0");
  await set.getByTestId("set-question-0").getByRole("radio", { name: /event-driven compute service/ }).check();
  await set.getByTestId("set-question-1").getByRole("radio", { name: "True" }).check();
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(student, scheme);
  await set.getByRole("button", { name: "Submit 2 of 2 answers" }).click();
  await expect(set.getByTestId("set-result")).toContainText("100% — passed (2 of 2 right)");
  await expect(set.getByTestId("item-points")).toHaveText("100");
  await studentContext.close();

  // The gradebook: the student passed; the status filter finds them under "passed", not "stuck".
  await page.goto(classUrl);
  await page.getByRole("link", { name: "Gradebook" }).click();
  await expect(page.getByTestId(`cell-${email}-0`)).toContainText("100");
  await page.getByTestId("status-filter").getByRole("link", { name: "passed", exact: true }).click();
  await expect(page.getByRole("row", { name: /Quinn Quiz/ })).toBeVisible();
  await page.getByTestId("status-filter").getByRole("link", { name: /^stuck/ }).click();
  await expect(page.getByRole("row", { name: /Quinn Quiz/ })).toHaveCount(0);
  for (const scheme of ["light", "dark"] as const) await expectNoAxeViolations(page, scheme);

  // Now that the set has a submission, the edit form locks it.
  await page.goto(classUrl);
  await page.getByRole("link", { name: "Edit “Quiz week (edited)”" }).click();
  await expect(page.getByText("Students have submitted to this item: only its points can change.")).toBeVisible();
});
