import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Locator, type Page } from "@playwright/test";

/** WCAG A/AA violations on the page as it is now (with feedback, charts and results shown). */
async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  return results.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

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
  else if ((await scope.getByRole("button", { name: /down$/ }).count()) > 0) await scope.getByRole("button", { name: /down$/ }).first().click();
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

  // Signed out, the review queue lives in this browser too: rate, undo, rate again.
  await page.goto("/practice/review");
  await expect(page.getByText("1 card left today")).toBeVisible();
  const review = page.locator(".practice-question");
  await review.getByRole("radio").first().check();
  await review.getByRole("button", { name: "Check answer" }).click();
  await page.getByRole("button", { name: /^Hard/ }).click();
  await expect(page.getByText("0 cards left today")).toBeVisible();
  await page.getByRole("button", { name: "Undo last rating" }).click();
  await expect(page.getByText("1 card left today")).toBeVisible();
  await page.locator(".practice-question").getByRole("radio").first().check();
  await page.locator(".practice-question").getByRole("button", { name: "Check answer" }).click();
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByText("Done for now")).toBeVisible();
  await expect(page.getByTestId("due-badge")).toHaveCount(0);

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
  // The drilled questions are due, except any already rated earlier (at least four of the five are new).
  expect(before).toBeGreaterThanOrEqual(4);
  const cardsLeft = (n: number) => `${n} card${n === 1 ? "" : "s"} left today`;
  let panel = page.locator(".practice-question");
  await answerSomething(panel);
  await panel.getByRole("button", { name: "Check answer" }).click();
  await expect(panel.locator(".feedback-verdict")).toBeVisible({ timeout: 45_000 });
  expect(await axeViolations(page)).toEqual([]); // feedback and the rating buttons on screen
  await page.getByRole("button", { name: /^Good/ }).click();
  await expect(page.getByText(cardsLeft(before - 1))).toBeVisible();
  await page.getByRole("button", { name: "Undo last rating" }).click();
  await expect(page.getByText(cardsLeft(before))).toBeVisible();
  panel = page.locator(".practice-question");
  await answerSomething(panel);
  await panel.getByRole("button", { name: "Check answer" }).click();
  await expect(panel.locator(".feedback-verdict")).toBeVisible({ timeout: 45_000 });
  await page.getByRole("button", { name: /^Easy/ }).click();
  await expect(page.getByText(cardsLeft(before - 1))).toBeVisible();

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
  expect(await axeViolations(page)).toEqual([]); // the running interview: timer, question list, question
  question = page.locator(".practice-question");
  await answerSomething(question);
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: "Mock interview results" })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: /Your score: \d+% \(\d of 5 right, 2 answered\)/ })).toBeVisible();
  await expect(page.getByRole("table")).toContainText("Topic");
  await expect(page.getByRole("heading", { name: "Every answer, reviewed" })).toBeVisible();
  await expect(page.locator(".feedback-explanation")).toHaveCount(5);
  await expect(page.getByRole("link", { name: /Retry the \d I missed/ })).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  // With a history, the statistics draw their charts (each an image with a data table).
  await page.goto("/practice/stats");
  await expect(page.getByRole("img", { name: /Questions answered per day/ })).toBeVisible();
  await expect(page.getByTestId("streak")).toHaveText("1");
  await page.screenshot({ path: "test-results/e2e/practice-stats-light.png", fullPage: true });
  expect(await axeViolations(page)).toEqual([]);
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/practice/certification");
  await expect(page.getByTestId("readiness")).not.toHaveText("0%");
  expect(await axeViolations(page)).toEqual([]);
});

test("ordering is keyboard-operable, a prediction can be checked on the simulator, and code runs in the browser and on the server", async ({ page }) => {
  await page.goto("/practice/questions/lifecycle-phases-order");
  const panel = page.getByTestId("question-lifecycle-phases-order");
  const down = panel.getByRole("button", { name: /down$/ }).first();
  await down.focus();
  await page.keyboard.press("Enter");
  await expect(panel.getByText(/moved to position 2 of/)).toBeAttached();
  await panel.getByRole("button", { name: "Check answer" }).click();
  await expect(panel.locator(".feedback-verdict")).toBeVisible();
  expect(await axeViolations(page)).toEqual([]);

  await page.goto("/practice/questions/predict-return-undefined");
  const predict = page.getByTestId("question-predict-return-undefined");
  await answerSomething(predict);
  await predict.getByRole("button", { name: "Check answer" }).click();
  await expect(predict.getByText("What the simulator produces")).toBeVisible();
  await predict.getByRole("button", { name: "Run it on the simulator" }).click();
  await expect(predict.getByText(/The simulator observed/)).toBeVisible({ timeout: 30_000 });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/e2e/practice-predict-dark.png", fullPage: true });
  expect(await axeViolations(page)).toEqual([]);

  // A code question: the visible tests run in the browser; checking grades every test on the server.
  await page.goto("/practice/questions/code-idempotent-consumer");
  const code = page.getByTestId("question-code-idempotent-consumer");
  await code.getByRole("button", { name: "Run the visible tests in my browser" }).click();
  await expect(code.getByText(/In your browser: \d+ of \d+ visible tests pass/)).toBeVisible({ timeout: 30_000 });
  await code.getByRole("button", { name: "Check answer" }).click();
  await expect(code.locator(".feedback-verdict")).toBeVisible({ timeout: 45_000 });
  await expect(code.locator(".feedback")).toContainText(/tests pass/);
});

test("a signed-out learner's mock interview resumes from this browser and is graded at the end", async ({ page }) => {
  await page.goto("/practice/mock");
  await page.getByRole("radio", { name: "5 questions", exact: true }).check();
  await page.getByRole("button", { name: "Start the interview" }).click();
  await expect(page).toHaveURL(/\/practice\/mock\/local$/);
  await answerSomething(page.locator(".practice-question"));
  await page.getByRole("button", { name: "Save and next" }).click();
  await expect(page.getByRole("heading", { name: "Question 2", exact: true })).toBeVisible();
  await page.goto("/practice/mock");
  await page.getByRole("link", { name: "Resume it" }).click();
  await expect(page.getByRole("heading", { name: "Question 2", exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Question 1, answered" })).toBeVisible();
  await page.getByRole("button", { name: "Finish and see results" }).click();
  await expect(page.getByRole("heading", { name: /Your score: \d+% \(\d of 5 right, 1 answered\)/ })).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByRole("heading", { name: "Every answer, reviewed" })).toBeVisible();
});

test("bad input gets a clear 4xx and records nothing", async ({ page }) => {
  await signIn(page, "/practice");
  const post = (url: string, data: unknown) => page.request.post(url, { data });
  const id = () => `e2e-${Math.random().toString(36).slice(2, 14)}`;

  const tampered = await post("/api/practice/answer", { attemptId: id(), questionId: "what-is-lambda", answer: { type: "single", selected: "z" } });
  expect(tampered.status()).toBe(422);
  expect((await tampered.json()).error).toMatch(/unknown option "z"/);
  expect((await post("/api/practice/answer", { attemptId: id(), questionId: "what-is-lambda", answer: { type: "multiple", selected: ["a"] } })).status()).toBe(422);
  expect((await post("/api/practice/answer", { attemptId: id(), questionId: "no-such-question", answer: { type: "single", selected: "a" } })).status()).toBe(404);
  expect((await post("/api/practice/answer", { questionId: "what-is-lambda", answer: { type: "single", selected: "a" } })).status()).toBe(422);
  expect((await page.request.post("/api/practice/answer", { data: "not json", headers: { "content-type": "text/plain" } })).status()).toBe(415);

  // A retried answer (same attempt id) is recorded once.
  const attemptId = id();
  const body = { attemptId, questionId: "billing-model", answer: { type: "single", selected: "a" }, durationMs: 3000 };
  const first = await (await post("/api/practice/answer", body)).json();
  const again = await (await post("/api/practice/answer", body)).json();
  expect([first.recorded, again.recorded]).toEqual([true, false]);

  // Its card is due once: a second rating is refused; a card that does not exist is a 404.
  // (200 the first time this account rates it; a repeated run finds it rated already.)
  expect([200, 409]).toContain((await post("/api/practice/review/rate", { questionId: "billing-model", rating: 3 })).status());
  const notDue = await post("/api/practice/review/rate", { questionId: "billing-model", rating: 3 });
  expect(notDue.status()).toBe(409);
  expect((await notDue.json()).error).toMatch(/not due/);
  expect((await post("/api/practice/review/rate", { questionId: "no-such-question", rating: 3 })).status()).toBe(404);
  expect((await post("/api/practice/review/rate", { questionId: "billing-model", rating: 7 })).status()).toBe(422);
  // Signed out, the review API asks for a sign-in.
  await page.context().clearCookies();
  expect((await post("/api/practice/review/rate", { questionId: "billing-model", rating: 3 })).status()).toBe(401);
});
