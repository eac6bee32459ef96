import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';

/** The rule sets every page is held to: WCAG 2.x A and AA, plus axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/**
 * axe-core on the whole page as the user sees it (shell, page and any open dialog; no rule switched off): the serious
 * and critical violations, each with its offending elements and axe's summary of what to fix, ready for
 * `expect(...).toEqual([])`. `include` narrows the check to one region (a viewer), never to hide the shell.
 */
export async function seriousViolations(page: Page, { include }: { include?: string } = {}): Promise<string[]> {
  // A dialog still fading in has blended colours that nobody reads: check what settles (spinners run forever).
  await page.waitForFunction(() =>
    document.getAnimations().every((a) => a.playState !== 'running' || a.effect?.getComputedTiming().iterations === Infinity),
  );
  let axe = new AxeBuilder({ page }).withTags(AXE_TAGS);
  if (include) axe = axe.include(include);
  const results = await axe.analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.impact} ${v.id}: ${v.help}\n${v.nodes
          .map((n) => `    ${n.target.join(' ')} ${n.html.slice(0, 160)} — ${n.failureSummary?.split('\n').slice(1).join(' ')}`)
          .join('\n')}`,
    );
}
