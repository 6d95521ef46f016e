// Is a public page fully in a right-to-left language? Its <html> carries the language and dir="rtl",
// no English words are left but proper names, and axe finds nothing serious.
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { axeViolations } from './axe.ts';

/** Latin-script words allowed on a translated page: proper names and the name of a file format. */
const PROPER_NAMES = new Set(['Vigil', 'UTC', 'CSV']);

/**
 * Latin words in the page's visible text, leaving out what is meant to stay as written: the language
 * menu (each language in itself), left-to-right islands (links, receipts, report numbers, handles), and
 * what people wrote.
 */
export async function englishLeft(page: Page): Promise<string[]> {
  const text = await page.evaluate(() => {
    const body = document.body.cloneNode(true) as HTMLElement;
    for (const el of body.querySelectorAll('[lang], bdi, [dir="ltr"], code, .report-id, .user-text, script, style, [hidden]')) el.remove();
    return body.innerText;
  });
  return [...text.matchAll(/[A-Za-z]{2,}/g)].map((m) => m[0]).filter((w) => !PROPER_NAMES.has(w));
}

export async function expectTranslated(page: Page, lang: string, what: string) {
  await page.locator(`html[lang="${lang}"][dir="rtl"]`).waitFor({ state: 'attached' });
  assert.deepEqual(await englishLeft(page), [], `${what} in ${lang}: no English left`);
  assert.deepEqual(await axeViolations(page), [], `${what} in ${lang}: axe`);
}

/** Arabic-Indic and Persian digits as ASCII, so a figure on a page compares with the API's. */
export const asciiDigits = (s: string) =>
  s.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (d) => String((d.codePointAt(0) ?? 0) & 0xf)).replace(/[\u066c\u200e\u200f\u061c]/g, '');
