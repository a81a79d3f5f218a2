import { expect, test, type Page } from "@playwright/test";

const LESSON = "/learn/foundations/what-is-lambda";

async function setCode(page: Page, testId: string, code: string) {
  const box = page.getByTestId(testId);
  await box.scrollIntoViewIfNeeded(); // Monaco loads when the editor comes into view
  await expect(box.locator(".monaco-editor")).toBeVisible({ timeout: 30_000 });
  await box.locator(".monaco-editor").click();
  await page.evaluate((value) => {
    const monaco = (window as unknown as { monaco: { editor: { getEditors(): Array<{ hasTextFocus(): boolean; setValue(v: string): void }> } } }).monaco;
    monaco.editor.getEditors().find((e) => e.hasTextFocus())!.setValue(value);
  }, code);
}

/** Puts `code` in the exercise's editor and runs its tests in the browser. */
async function runTestsWith(page: Page, exerciseId: string, code: string) {
  await setCode(page, `exercise-${exerciseId}`, code);
  await page.getByTestId(`exercise-${exerciseId}`).getByRole("button", { name: "Run tests" }).click();
}

test("an exercise fails with the starting code, passes with a solution in the browser, and is verified on the server", async ({ page }) => {
  await page.goto(LESSON);
  const exercise = page.getByTestId("exercise-first-response");
  await exercise.getByRole("button", { name: "Run tests" }).click();
  await expect(exercise.getByText(/In your browser: 0 of 4 tests pass/)).toBeVisible({ timeout: 30_000 });
  await expect(exercise.getByTestId("case-greets-by-name")).toContainText("Failed:");

  await exercise.getByRole("button", { name: /Show a hint \(1 of 2\)/ }).click();
  await expect(exercise.getByRole("list", { name: "Hints" }).getByRole("listitem")).toHaveCount(1);

  await runTestsWith(
    page,
    "first-response",
    'export const handler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ message: `Hello, ${event.queryStringParameters?.name ?? "world"}!` }) });',
  );
  await expect(exercise.getByText(/In your browser: 4 of 4 tests pass/)).toBeVisible({ timeout: 30_000 });
  await exercise.getByRole("button", { name: "Submit" }).click();
  await expect(exercise.getByText(/Verified on the server: 4 of 4 tests pass/)).toBeVisible({ timeout: 30_000 });
  await expect(exercise.getByText("Sign in to keep a record of your submissions.")).toBeVisible();
});

test("an answer hard-coded for the fixed cases fails the randomised case in the browser, which names the seed and inputs, and on the server", async ({ page }) => {
  await page.goto(LESSON);
  const exercise = page.getByTestId("exercise-first-response");
  // Recognises the fixed cases' inputs instead of greeting the caller.
  await runTestsWith(
    page,
    "first-response",
    'export const handler = async (event) => ({ statusCode: 200, headers: { "content-type": "application/json" }, body: JSON.stringify({ message: event.queryStringParameters?.name === "Ada" ? "Hello, Ada!" : "Hello, world!" }) });',
  );
  await expect(exercise.getByText(/In your browser: 3 of 4 tests pass/)).toBeVisible({ timeout: 30_000 });
  const random = exercise.getByTestId("case-greets-any-name");
  await expect(random).toContainText("Failed:");
  await expect(random).toContainText(/with inputs \{"name":"[A-Za-z]+"\} \(run seed \d+\)/);
  const seed = /seed (\d+)\)/.exec((await exercise.getByText(/Randomised tests drew new inputs/).textContent()) ?? "")?.[1];
  expect(seed).toBeTruthy();
  // Another run draws other inputs.
  await exercise.getByRole("button", { name: "Run tests" }).click();
  await expect(exercise.getByText(/Randomised tests drew new inputs/)).not.toContainText(`seed ${seed})`, { timeout: 30_000 });
  await exercise.getByRole("button", { name: "Submit" }).click();
  await expect(exercise.getByText(/Verified on the server: 3 of 4 tests pass/)).toBeVisible({ timeout: 30_000 });
});

test("a case compared with the reference solution passes in the browser, which never holds the solution", async ({ page }) => {
  await page.goto("/learn/foundations/the-handler");
  const exercise = page.getByTestId("exercise-http-greeting-response");
  await runTestsWith(
    page,
    "http-greeting-response",
    [
      "export const handler = async (event) => {",
      "  const name = event.queryStringParameters?.name;",
      '  const headers = { "content-type": "application/json" };',
      '  if (!name) return { statusCode: 400, headers, body: JSON.stringify({ error: "name is required" }) };',
      "  return { statusCode: 200, headers, body: JSON.stringify({ message: `Hello, ${name}!` }) };",
      "};",
    ].join("\n"),
  );
  await expect(exercise.getByText(/In your browser: 4 of 4 tests pass/)).toBeVisible({ timeout: 30_000 });
  await expect(exercise.getByTestId("case-greets-any-name")).toContainText("Passed:");
});

test("marking a lesson complete shows on the course map, before and after signing in", async ({ page }) => {
  await page.goto(LESSON);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: "✓ Completed" })).toBeVisible();
  await page.goto("/learn");
  await expect(page.getByRole("progressbar", { name: "Overall course progress" })).not.toHaveAttribute("aria-valuenow", "0");

  // Signing in merges this browser's progress into the account.
  await page.goto("/signin?callbackUrl=/learn");
  await page.getByLabel("Email").fill("student@example.com");
  await page.getByLabel("Password").fill("lambda-lab-student");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("progressbar", { name: "Overall course progress" })).not.toHaveAttribute("aria-valuenow", "0");
  await page.context().clearCookies();
  await page.evaluate(() => localStorage.clear());
  // Another browser session of the same account sees it too.
  await page.goto("/signin?callbackUrl=/learn");
  await page.getByLabel("Email").fill("student@example.com");
  await page.getByLabel("Password").fill("lambda-lab-student");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("progressbar", { name: "Overall course progress" })).not.toHaveAttribute("aria-valuenow", "0");
});

test("progress made before signing up is kept in the new account, shown on the dashboard and exportable", async ({ page }) => {
  await page.goto(LESSON);
  await page.getByRole("button", { name: "Mark as complete" }).click();
  await expect(page.getByRole("button", { name: "✓ Completed" })).toBeVisible();

  const email = `merge-${Date.now()}@example.com`;
  await page.goto("/signup?callbackUrl=/learn");
  await page.getByLabel("Name").fill("Merge Tester");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("merge-password-1");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/learn$/);
  await expect(page.getByRole("progressbar", { name: "Overall course progress" })).not.toHaveAttribute("aria-valuenow", "0");
  await expect.poll(() => page.evaluate(() => localStorage.getItem("lambda-lab-progress"))).toBeNull(); // merged, then cleared

  await page.goto("/dashboard");
  await expect(page.getByText(/1\s+of \d+ lessons completed/)).toBeVisible();
  const download = await page.request.get("/api/progress/export");
  expect(download.status()).toBe(200);
  const data = (await download.json()) as { lessons: Array<{ lessonId: string; status: string }> };
  expect(data.lessons).toEqual([expect.objectContaining({ lessonId: "foundations/what-is-lambda", status: "COMPLETED" })]);

  // Reset the lesson: it is no longer completed, in the account either.
  await page.goto(LESSON);
  await page.getByRole("button", { name: "Reset this lesson" }).click();
  await expect(page.getByRole("button", { name: "Mark as complete" })).toBeVisible();
  await expect.poll(async () => ((await (await page.request.get("/api/progress/export")).json()) as { lessons: unknown[] }).lessons.length).toBeLessThanOrEqual(1);
});

test("exporting progress requires signing in", async ({ request }) => {
  const response = await request.get("/api/progress/export");
  expect(response.status()).toBe(401);
});

test("a lesson ends with a quiz from the bank, graded on the server with the explanation", async ({ page }) => {
  await page.goto(LESSON);
  const quiz = page.getByRole("region", { name: "Check your understanding" });
  await quiz.scrollIntoViewIfNeeded();
  const first = quiz.locator("[data-testid^=question-]").first();
  await first.locator("input[type=radio], input[type=checkbox]").first().check();
  await first.getByRole("button", { name: "Check answer" }).click();
  await expect(first).toContainText(/Correct|Not right|Partly right/, { timeout: 30_000 });
  await expect(first).toContainText("Explanation");
});
