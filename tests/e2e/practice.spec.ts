import { expect, test, type Locator, type Page } from "@playwright/test";

async function signIn(page: Page, callbackUrl: string) {
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(callbackUrl)}`);
  await page.getByLabel("Email").fill("student@example.com");
  await page.getByLabel("Password").fill("lambda-lab-student");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(new RegExp(`${callbackUrl.replace(/[/?]/g, "\\$&")}$`));
}

/** Gives some answer to whatever question is shown: a choice, a text, or the code as it stands. */
async function answerSomething(scope: Locator) {
  const radios = scope.getByRole("radio");
  const boxes = scope.getByRole("checkbox");
  const texts = scope.locator("textarea.practice-textarea");
  if ((await radios.count()) > 0) await radios.first().check();
  else if ((await boxes.count()) > 0) await boxes.first().check();
  else if ((await texts.count()) > 0) await texts.first().fill("cold start");
}

test("a signed-out learner answers a question with immediate feedback, and it is merged into the account at sign-in", async ({ page }) => {
  await page.goto("/practice/questions/what-is-lambda");
  const panel = page.getByTestId("question-what-is-lambda");
  await panel.getByRole("radio").first().check();
  await panel.getByRole("button", { name: "Check answer" }).click();
  await expect(panel.locator(".feedback-verdict")).toHaveText(/Correct|Not right/);
  await expect(panel.getByText("Explanation", { exact: true })).toBeVisible();
  // Every option now carries its own explanation.
  await expect(panel.locator(".choice-explanation")).toHaveCount(4);
  await expect(page.getByTestId("due-badge")).toContainText("1");

  await signIn(page, "/practice/stats");
  await expect.poll(async () => page.evaluate(() => localStorage.getItem("lambda-lab-practice"))).toBeNull();
  await page.reload();
  await expect(page.locator(".stat-value").first()).not.toHaveText("0");
});

test("a learner runs a topic drill, a review session with undo, and a mock interview that resumes after a reload", async ({ page }) => {
  test.setTimeout(180_000);
  await signIn(page, "/practice/drill");

  // Topic drill: five questions, feedback after each.
  await page.getByRole("link", { name: "Start a drill on Foundations" }).click();
  await expect(page.getByRole("heading", { name: /^Drill:/ })).toBeVisible();
  for (let i = 1; i <= 5; i++) {
    await expect(page.getByRole("heading", { name: `Question ${i} of 5` })).toBeVisible();
    const panel = page.locator(".practice-question");
    await answerSomething(panel);
    await panel.getByRole("button", { name: "Check answer" }).click();
    await expect(panel.locator(".feedback-verdict")).toBeVisible({ timeout: 45_000 });
    await page.getByRole("button", { name: i < 5 ? "Next question" : "See how the drill went" }).click();
  }
  await expect(page.getByRole("heading", { name: /Drill complete: \d of 5 right/ })).toBeVisible();

  // Review session: the drilled questions are due; rate one, undo it, rate again.
  await page.goto("/practice/review");
  const left = page.getByText(/\d+ cards? left today/);
  await expect(left).toBeVisible();
  const before = Number((await left.textContent())!.match(/(\d+) card/)![1]);
  expect(before).toBeGreaterThanOrEqual(5);
  let panel = page.locator(".practice-question");
  await answerSomething(panel);
  await panel.getByRole("button", { name: "Check answer" }).click();
  await expect(panel.locator(".feedback-verdict")).toBeVisible({ timeout: 45_000 });
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByText(`${before - 1} card${before - 1 === 1 ? "" : "s"} left today`)).toBeVisible();
  await page.getByRole("button", { name: "Undo last rating" }).click();
  await expect(page.getByText(`${before} cards left today`)).toBeVisible();
  panel = page.locator(".practice-question");
  await answerSomething(panel);
  await panel.getByRole("button", { name: "Check answer" }).click();
  await expect(panel.locator(".feedback-verdict")).toBeVisible({ timeout: 45_000 });
  await page.getByRole("button", { name: /^Easy/ }).click();
  await expect(page.getByText(`${before - 1} card${before - 1 === 1 ? "" : "s"} left today`)).toBeVisible();

  // Mock interview: no feedback while it runs; a reload resumes; results at the end.
  await page.goto("/practice/mock");
  await page.getByRole("radio", { name: "5 questions", exact: true }).check();
  await page.getByRole("radio", { name: "10 min", exact: true }).check();
  await page.getByRole("button", { name: "Start the interview" }).click();
  await expect(page).toHaveURL(/\/practice\/mock\/[a-z0-9]+$/);
  await expect(page.getByRole("timer")).toContainText(/\d:\d\d left/);
  let question = page.locator(".practice-question");
  await answerSomething(question);
  await page.getByRole("button", { name: "Save and next" }).click();
  await expect(page.getByRole("heading", { name: "Question 2", exact: true })).toBeVisible();
  await expect(page.locator(".feedback")).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole("heading", { name: "Question 2", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
  question = page.locator(".practice-question");
  await answerSomething(question);
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: "Mock interview results" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: /Your score: \d+% \(\d of 5 right, 2 answered\)/ })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Topic");
  await expect(page.getByRole("heading", { name: "Every answer, reviewed" })).toBeVisible();
  await expect(page.locator(".feedback-explanation")).toHaveCount(5);
  await expect(page.getByRole("link", { name: /Retry the \d I missed/ })).toBeVisible();
});
