import { test, expect } from './fixtures';

test('the app names its favicon, and the browser shell serves it as SVG', async ({ page, workbench }) => {
  await workbench.open(page, '/', 'R-mika');
  const href = await page.locator('link[rel="icon"]').getAttribute('href');
  expect(href).toBe('./favicon.svg');
  const icon = await page.request.get(new URL(href!, page.url()).href);
  expect(icon.status()).toBe(200);
  expect(icon.headers()['content-type']).toBe('image/svg+xml');
  expect(await icon.text()).toContain('<svg');
});
