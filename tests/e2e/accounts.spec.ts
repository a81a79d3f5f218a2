import { expect, test, type Page } from "@playwright/test";

const unique = () => `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;

async function signUp(page: Page, name: string, email: string, password: string) {
  await page.goto("/signup");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Create account" }).click();
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

test("a new user signs up, signs out, signs in again and sees their name", async ({ page }) => {
  const email = `ada-${unique()}@example.com`;
  await signUp(page, "Ada Lovelace", email, "correct horse battery");
  const menu = page.getByTestId("account-menu");
  await expect(menu).toContainText("Ada Lovelace");

  await menu.click();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByTestId("account-menu")).toHaveCount(0);

  await signIn(page, email.toUpperCase(), "correct horse battery"); // emails are case-insensitive
  await expect(page.getByTestId("account-menu")).toContainText("Ada Lovelace");
  await page.goto("/account");
  await expect(page.getByTestId("account-name")).toHaveText("Ada Lovelace");
  await expect(page.getByTestId("account-role")).toHaveText("Learner");
});

test("signing up twice with one email is refused clearly", async ({ page }) => {
  const email = `dup-${unique()}@example.com`;
  await signUp(page, "First", email, "password-one");
  await expect(page.getByTestId("account-menu")).toBeVisible();
  await page.context().clearCookies();
  await signUp(page, "Second", email, "password-two");
  await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
});

test("a wrong password is refused, and repeated failures are rate-limited with a wait time", async ({ page }) => {
  const email = `rl-${unique()}@example.com`;
  await signUp(page, "Rate Limited", email, "the-right-password");
  await page.context().clearCookies();
  await signIn(page, email, "wrong-password");
  await expect(page.locator("#signin-error")).toHaveText("Wrong email or password.");
  for (let i = 0; i < 4; i++) {
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill("the-right-password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.locator("#signin-error")).toContainText(/Too many sign-in attempts\. Try again in \d+ s\./);
});

test("the theme follows the system, switches, and is remembered", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/");
  const html = page.locator("html");
  await expect(html).toHaveAttribute("data-theme", "dark");
  const darkBg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);

  await page.getByTestId("theme-switch").click(); // system → light
  await expect(html).toHaveAttribute("data-theme", "light");
  expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).not.toBe(darkBg);
  await page.reload();
  await expect(html).toHaveAttribute("data-theme", "light");

  await page.getByTestId("theme-switch").click(); // light → dark
  await expect(html).toHaveAttribute("data-theme", "dark");
});

test("a learner is refused a teacher page on the server; a teacher sees it", async ({ page, request }) => {
  const anonymous = await request.get("/classes/teaching", { maxRedirects: 0 });
  expect([303, 307, 308]).toContain(anonymous.status());
  expect(anonymous.headers()["location"]).toContain("/signin");

  await signIn(page, "student@example.com", "lambda-lab-student");
  await expect(page.getByTestId("account-menu")).toBeVisible();
  const response = await page.goto("/classes/teaching");
  expect(response?.status()).toBe(403);
  await expect(page.getByRole("heading", { name: "Not available to your account" })).toBeVisible();
  await expect(page.getByText("DEMO2026")).toHaveCount(0);

  await page.context().clearCookies();
  await signIn(page, "teacher@example.com", "lambda-lab-teacher");
  await expect(page.getByTestId("account-menu")).toBeVisible();
  const ok = await page.goto("/classes/teaching");
  expect(ok?.status()).toBe(200);
  await expect(page.getByRole("cell", { name: "DEMO2026" })).toBeVisible();
});

test("unknown pages and API routes answer 404", async ({ page, request }) => {
  const missing = await page.goto("/no-such-page");
  expect(missing?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const api = await request.get("/api/no-such-route");
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: "No API route GET /api/no-such-route." });
});

test("the production server refuses to start without AUTH_SECRET, naming it", async () => {
  const { spawnSync } = await import("node:child_process");
  const env: Record<string, string | undefined> = { ...process.env, NODE_ENV: "production", PORT: "0" };
  delete env.AUTH_SECRET;
  const result = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", "3299"], { env: env as NodeJS.ProcessEnv, encoding: "utf8", timeout: 30_000 });
  expect(result.status).toBe(1);
  expect(result.stderr + result.stdout).toContain("AUTH_SECRET: is required in production");
});

test("lessons can be searched from the header with the keyboard", async ({ page }) => {
  await page.goto("/");
  const box = page.getByRole("combobox", { name: "Search lessons" });
  // The "/" shortcut is listened for once the header has hydrated: press until it takes.
  await expect(async () => {
    await page.keyboard.press("/");
    await expect(box).toBeFocused({ timeout: 500 });
  }).toPass({ timeout: 15_000 });
  await box.fill("serverless precisely");
  const list = page.getByRole("listbox", { name: "Matching lessons" });
  await expect(list.getByRole("option").first()).toContainText("What Lambda is");
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/learn\/foundations\/what-is-lambda#serverless-precisely$/);
  await page.goto("/");
  await page.getByRole("combobox", { name: "Search lessons" }).fill("zzzz-nothing");
  await expect(page.getByText("No lesson matches “zzzz-nothing”.")).toBeVisible();
});
