import type { Locator, Page } from '@playwright/test';
import { seriousViolations } from './axe';
import { test, expect } from './fixtures';

/*
 * The review page on a laptop (1280×720) and on a desktop screen (1440×900): the PDF still reads at fit width
 * (≥ 80 % zoom), every level descriptor of the rubric can be read in full without hovering, the submit buttons can
 * be reached by scrolling the rubric pane (never off-screen), and the side navigation folds away on the laptop
 * behind a named menu button that a keyboard can use.
 */

// P-2026-009: Mika's draft of a double review; the first evidence is an A4 PDF.
const PORTFOLIO = 'P-2026-009';
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
];

/** True when the element shows all of its text (no line clamp or clipping cuts it). */
const showsAllText = (l: Locator) => l.evaluate((el) => el.scrollHeight <= el.clientHeight + 1 && el.scrollWidth <= el.clientWidth + 1);

async function inViewport(page: Page, l: Locator): Promise<boolean> {
  const box = await l.boundingBox();
  const vp = page.viewportSize()!;
  return Boolean(box && box.x >= 0 && box.y >= 0 && box.x + box.width <= vp.width && box.y + box.height <= vp.height);
}

for (const size of SIZES) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('the PDF fits its width at 80 % zoom or more, descriptors read in full on focus, submit is reachable', async ({ page, workbench }) => {
      await workbench.open(page, `/review/${PORTFOLIO}`, 'R-mika');
      const viewer = page.getByTestId('pdf-viewer');
      await expect(viewer.getByTestId('pdf-page-1')).toHaveAttribute('data-rendered', 'true');
      await workbench.screenshot(page, `review-${size.width}x${size.height}`);
      expect(await seriousViolations(page), 'axe at this size').toEqual([]);

      await viewer.getByRole('button', { name: 'Fit width' }).click();
      await expect(viewer.getByRole('button', { name: 'Fit width' })).toHaveAttribute('aria-pressed', 'true');
      const zoom = Number((await viewer.getByTestId('pdf-zoom').textContent())!.replace('%', ''));
      expect(zoom, 'fit-width zoom of an A4 page').toBeGreaterThanOrEqual(80);

      // Every level of every criterion, by keyboard: the card reached with ↑/↓ shows its descriptors whole.
      const cards = page.getByTestId('rubric-panel').locator('section[data-criterion]');
      const count = await cards.count();
      expect(count).toBeGreaterThan(0);
      const whole = async (card: Locator) => {
        const descriptors = card.locator('[data-descriptor]');
        expect(await descriptors.count()).toBeGreaterThan(0);
        for (const d of await descriptors.all()) {
          expect(await showsAllText(d), `${await card.getAttribute('data-criterion')}: ${(await d.textContent())?.slice(0, 60)}…`).toBe(true);
        }
      };
      await cards.first().focus();
      await page.keyboard.press('ArrowUp');
      for (let i = 0; i < count; i++) {
        if (i > 0) await page.keyboard.press('ArrowDown');
        await expect(cards.nth(i)).toBeFocused();
        await whole(cards.nth(i));
      }
      // By mouse: "Full descriptors" opens them on a card that does not have focus.
      await page.getByRole('button', { name: 'Fit page' }).click();
      const last = cards.nth(count - 1);
      await last.getByRole('button', { name: 'Full descriptors' }).click();
      await expect(last.getByRole('button', { name: 'Shorter descriptors' })).toHaveAttribute('aria-expanded', 'true');
      await page.getByRole('button', { name: 'Fit width' }).focus();
      await whole(last);

      // The submit buttons: reached by scrolling the rubric pane, on screen, and not covered by anything.
      for (const name of ['Submit', /^Submit & next/]) {
        const button = page.getByRole('button', { name, exact: typeof name === 'string' });
        await button.scrollIntoViewIfNeeded();
        expect(await inViewport(page, button), `${String(name)} on screen`).toBe(true);
        await button.click({ trial: true });
      }
    });

    test('the side navigation folds away below 1400 px behind a named, keyboard-operable menu button', async ({ page, workbench }) => {
      await workbench.open(page, '/', 'R-terina');
      const nav = page.getByRole('navigation', { name: 'Main' });
      const toggle = page.getByRole('button', { name: /navigation$/ });
      const queueLink = nav.getByRole('link', { name: 'Queue' });
      const laptop = size.width < 1400;
      await expect(toggle).toHaveAccessibleName(laptop ? 'Show navigation' : 'Hide navigation');
      await expect(toggle).toHaveAttribute('aria-expanded', String(!laptop));
      if (laptop) {
        await expect(queueLink).not.toBeInViewport();
        // Folded away, its links are out of the tab order.
        await expect(nav).toHaveAttribute('inert', '');
      } else await expect(queueLink).toBeInViewport();
      await workbench.screenshot(page, `queue-${size.width}x${size.height}`);

      // By keyboard: focus the button, Enter toggles, Tab goes on into the links when shown.
      await toggle.focus();
      await page.keyboard.press('Enter');
      await expect(toggle).toHaveAttribute('aria-expanded', String(laptop));
      if (laptop) {
        await expect(queueLink).toBeInViewport();
        await page.getByRole('link', { name: 'Panel setup' }).focus();
        await page.keyboard.press('Enter');
        await expect(page).toHaveURL(/#\/panel\/setup$/);
      } else await expect(queueLink).not.toBeInViewport();
    });
  });
}

test('each page of the app at 1280×720 and 1440×900 (screenshots to look at)', async ({ page, workbench }) => {
  test.setTimeout(120_000);
  const pages: [string, string, string][] = [
    ['queue', '/', 'queue-total'],
    ['panel', '/panel', 'waiting-card'],
    ['moderation', '/moderation/P-2026-005', 'reviews-legend'],
    ['calibration', '/calibration/rounds/2', 'report'],
    ['credit-application', '/credit/applications/CA-0006', 'requirement-checks'],
    ['credit-candidates', '/credit/candidates', 'candidates-table'],
  ];
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const [name, hash, ready] of pages) {
      await workbench.open(page, hash, name.startsWith('credit') ? 'R-james' : 'R-terina');
      await expect(page.getByTestId(ready).first()).toBeVisible();
      await workbench.screenshot(page, `${name}-${size.width}x${size.height}`);
    }
  }
});
