import { expect, type Page } from '@playwright/test';
import { panePageFrame } from './fixtures';
import { AA_LARGE, AA_TEXT, contrastRatio, isLargeText, over, parseColor, type Rgba } from '../../lib/contrast';

/** One colour pair read from computed styles: text on its background, or a focus indicator on its surroundings. */
interface Sample {
  what: string;
  kind: 'text' | 'focus';
  color: string;
  /** Background colours from the element (or, for focus, its parent) up to the shadow root, innermost first. */
  backgrounds: string[];
  fontSize: number;
  fontWeight: number;
}

export interface Measured {
  what: string;
  ratio: number;
  needed: number;
}

/**
 * Reads every visible text and every focus indicator in the pane's own page (computed styles and the WCAG maths,
 * as axe reported contrast in the pane as "unable to determine"). Focus indicators are read with the control focused from the keyboard.
 */
async function sample(page: Page): Promise<Sample[]> {
  const frame = panePageFrame(page);
  if (!frame) return [];
  // The pane's page must hold the window's focus, or no control in it matches :focus-visible.
  // A real click on a word in it (no control) gives it the focus, as a technician's click does; a collapsed pane
  // has no such word, and already holds the focus from the click on Collapse.
  const word = frame.locator('[data-testid=pane-ticket], .prompt p').first();
  if (await word.isVisible()) await word.click();
  expect(await frame.evaluate(() => document.hasFocus()), 'the pane’s page has the focus').toBe(true);
  return frame.evaluate(async () => {
    const root = document.getElementById('app');
    if (!root) return [];
    const backgroundsFrom = (start: Element | null) => {
      const layers: string[] = [];
      for (let el = start; el; el = el.parentElement) layers.push(getComputedStyle(el).backgroundColor);
      return layers;
    };
    const name = (el: Element) =>
      `${el.localName}.${[...el.classList].join('.')} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}"`;
    const out: Sample[] = [];
    for (const el of root.querySelectorAll('*')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!hasText || !(el as HTMLElement).checkVisibility?.()) continue;
      const style = getComputedStyle(el);
      out.push({
        what: name(el),
        kind: 'text',
        color: style.color,
        backgrounds: backgroundsFrom(el),
        fontSize: Number.parseFloat(style.fontSize),
        fontWeight: Number(style.fontWeight),
      });
    }
    for (const el of root.querySelectorAll<HTMLElement>('button, summary, [tabindex="0"]')) {
      if (!el.checkVisibility()) continue;
      el.blur(); // Focus again from here: one that came with a mouse click shows no ring.
      el.focus({ focusVisible: true } as FocusOptions);
      const style = getComputedStyle(el);
      // An outline rings the control; without one (the grip), the control's own fill is the indicator.
      const ring = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0;
      out.push({
        what: `focus ${name(el)}`,
        kind: 'focus',
        color: ring ? style.outlineColor : style.backgroundColor,
        backgrounds: backgroundsFrom(el.parentElement),
        fontSize: 0,
        fontWeight: 0,
      });
      el.blur();
    }
    return out;
  });
}

const WHITE: Rgba = { r: 255, g: 255, b: 255, a: 1 };

/** The colour an element's transparent layers settle to, over an opaque base. */
function settle(layers: string[]): Rgba {
  const parsed = layers.map(parseColor).filter((c): c is Rgba => c !== null);
  const opaque = parsed.findIndex((c) => c.a === 1);
  const stack = opaque === -1 ? parsed : parsed.slice(0, opaque + 1);
  return stack.reduceRight<Rgba>((below, layer) => over(layer, below), WHITE);
}

/** Every text and focus indicator in the pane with its contrast ratio and the AA ratio it needs. */
export async function paneContrast(page: Page): Promise<Measured[]> {
  return (await sample(page)).map((s) => {
    const background = settle(s.backgrounds);
    const color = parseColor(s.color);
    if (!color) throw new Error(`Unreadable colour ${s.color} for ${s.what}`);
    const needed = s.kind === 'focus' || isLargeText(s.fontSize, s.fontWeight) ? AA_LARGE : AA_TEXT;
    return { what: s.what, ratio: contrastRatio(over(color, background), background), needed };
  });
}
