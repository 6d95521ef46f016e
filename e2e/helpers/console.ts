// Console steps shared by the browser tests.
import type { Page } from 'playwright-core';
import type { TestStaffUser } from '../../test/helpers/people.ts';

export async function signIn(page: Page, user: TestStaffUser): Promise<void> {
  await page.getByLabel('Email').fill(user.email);
  await page.getByLabel('Password').fill(user.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** The queue's case links, top first. */
export const queueLinks = (page: Page) => page.locator('ol.queue .queue-link');
