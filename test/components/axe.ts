/**
 * An accessibility audit of one element, shadow DOM included (axe walks open shadow roots), by
 * the WCAG 2.1 A and AA rules. It fails with every serious or critical violation: its rule,
 * where (axe's target, shadow hosts first) and what to do. Minor and moderate findings pass; the
 * `expect(el).to.be.accessible()` of @open-wc/testing, which fails on any finding of any rule,
 * stays where a test wants the strict check.
 */
import type { AxeResults, RunOptions } from 'axe-core';

// axe's script registers `window.axe` (it is not an ES module); chai-a11y-axe loads it the same way.
declare global {
  interface Window {
    axe?: { run(context: Element, options: RunOptions): Promise<AxeResults> };
  }
}

async function loadAxe() {
  if (!window.axe) await import('axe-core/axe.min.js');
  return window.axe!;
}

const wcag21 = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function audit(el: Element, what = el.localName): Promise<void> {
  const results = await (await loadAxe()).run(el, { runOnly: { type: 'tag', values: wcag21 }, resultTypes: ['violations'] });
  const serious = results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  if (serious.length === 0) return;
  const lines = serious.flatMap((v) =>
    v.nodes.map((node) => `${v.id} (${v.impact}) at ${JSON.stringify(node.target)}: ${v.help}`),
  );
  throw new Error(`${what}: ${lines.length} serious or critical accessibility violation(s)\n${lines.join('\n')}`);
}
