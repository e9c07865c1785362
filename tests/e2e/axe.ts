import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Frame, Page } from '@playwright/test';

/** axe-core's source, evaluated into a page (an extension page's CSP blocks script tags, not CDP evaluation). */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/**
 * An expression that runs axe on the document and answers its critical and serious violations as
 * `rule: target` lines. `within`: only nodes inside this element (e.g. the pane's host), so a stand-in
 * page's own markup does not count. Frames are skipped: ImmyBot's cross-origin document is not ours.
 */
export const axeExpression = (within?: string) => `(async () => {
  if (!window.axe) (0, eval)(${JSON.stringify(AXE_SOURCE)});
  const { violations } = await axe.run(document, { iframes: false, resultTypes: ['violations'] });
  return violations
    .filter((v) => v.impact === 'critical' || v.impact === 'serious')
    .flatMap((v) => v.nodes
      .filter((n) => ${JSON.stringify(within ?? '')} === '' || String(n.target[0]).includes(${JSON.stringify(within ?? '')}))
      .map((n) => v.id + ' (' + v.impact + '): ' + JSON.stringify(n.target) + ' ' + (n.failureSummary ?? '').split('\\n').slice(1).join(' ').trim()));
})()`;

/** The page's critical and serious axe violations (see axeExpression). */
export const seriousViolations = (page: Page | Frame, within?: string): Promise<string[]> =>
  page.evaluate(axeExpression(within));
