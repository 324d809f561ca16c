import type { Page } from '@playwright/test';

// Locators the listing's end-to-end tests share.

/** The rows of the home listing. */
export const rows = (page: Page) => page.locator('#roles > [data-role]');
/** A filter value, a checkbox once the filter script runs. */
export const choice = (page: Page, name: RegExp) => page.getByRole('checkbox', { name });
/** The line that says how many roles match. */
export const count = (page: Page) => page.locator('#result-count');
/** The count a filter value shows: "Germany (62)" → 62. */
export const shownCount = async (page: Page, name: RegExp) => Number((await choice(page, name).textContent())!.match(/\((\d+)\)$/)![1]);
