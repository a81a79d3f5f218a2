import { expect, test } from "@playwright/test";

test("a lesson's architecture runs on the simulated service: retries, a dead letter and a timeline", async ({ page }) => {
  await page.goto("/learn/invocation/dlq-and-destinations");
  const sim = page.getByTestId("service-simulator-async-retries-dlq");
  await expect(sim.getByTestId("service-report")).toHaveCount(0); // nothing runs by itself
  await sim.getByRole("button", { name: "Run" }).click();
  const report = sim.getByTestId("service-report");
  await expect(report).toBeVisible({ timeout: 60_000 });
  // 1 success + 3 attempts of the bad order (LAMBDA.md §5: two retries by default).
  await expect(report.getByTestId("stat-invocations")).toHaveText("4");
  await expect(report.getByTestId("stat-retries")).toHaveText("2");
  await expect(report.getByTestId("stat-dead-letters")).toHaveText("1");
  await expect(report.getByRole("img", { name: "Invocations over time" })).toBeVisible();
  await expect(report.getByText(/OrdersDlq at .*ErrorMessage "cannot process order 2"/)).toBeVisible();

  // Change the template: no retries.
  const template = sim.getByLabel("SAM template");
  await template.fill((await template.inputValue()).replace("MaximumRetryAttempts: 2", "MaximumRetryAttempts: 0"));
  await sim.getByRole("button", { name: "Run" }).click();
  await expect(report.getByTestId("stat-invocations")).toHaveText("2", { timeout: 60_000 });
  await expect(report.getByTestId("stat-retries")).toHaveText("0");
});

test("a broken template is reported with the resource at fault", async ({ page }) => {
  await page.goto("/learn/invocation/dlq-and-destinations");
  const sim = page.getByTestId("service-simulator-async-retries-dlq");
  const template = sim.getByLabel("SAM template");
  await template.fill((await template.inputValue()).replace("Timeout: 3", "Timeout: 9000"));
  await sim.getByRole("button", { name: "Run" }).click();
  await expect(sim.getByRole("alert")).toContainText(/TemplateError: .*Orders.*Timeout/, { timeout: 60_000 });
});
