import { type Browser, type BrowserContextOptions, expect } from '@playwright/test';

/** The password every e2e server is started with. */
export const adminPassword = 'e2e-admin-password';

/** The blogger, signed in to /admin in a browser of their own (on `options.baseURL`, the e2e server by default). */
export async function signInToAdmin(browser: Browser, options: BrowserContextOptions = {}) {
  const context = await browser.newContext(options);
  const admin = await context.newPage();
  await admin.goto('/admin');
  await admin.getByLabel('Password').fill(adminPassword);
  await admin.getByRole('button', { name: 'Sign in' }).click();
  await expect(admin.getByRole('button', { name: 'Sign out' })).toBeVisible();
  return { admin, context };
}
