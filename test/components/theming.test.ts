import { expect, fixture, html } from '@open-wc/testing';
import '../../components/index.ts';
import { $, button } from './helpers.ts';

/** The documented knobs reach the widgets' shadow DOM, from the page and through `::part`. */
describe('theming', () => {
  const card = (el: Element) => getComputedStyle($(el, '[part~="card"]'));

  it('custom properties set on a wrapper change colours, font, radius and spacing inside', async () => {
    const plain = await fixture(html`<partner-sign-in></partner-sign-in>`);
    const themed = await fixture(html`
      <div
        style="--partner-color-accent: rgb(200, 30, 90); --partner-color-on-accent: rgb(1, 2, 3);
               --partner-font-family: monospace; --partner-radius: 0px; --partner-color-surface: rgb(250, 240, 200);"
      >
        <partner-sign-in></partner-sign-in>
      </div>
    `);
    const widget = themed.querySelector('partner-sign-in')!;
    await (widget as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const submit = getComputedStyle(button(widget, 'Sign in'));
    expect(submit.backgroundColor).to.equal('rgb(200, 30, 90)');
    expect(submit.color).to.equal('rgb(1, 2, 3)');
    expect(submit.fontFamily).to.equal('monospace');
    expect(card(widget).borderTopLeftRadius).to.equal('0px');
    expect(card(widget).backgroundColor).to.equal('rgb(250, 240, 200)');
    // The defaults still apply where nothing is set.
    expect(getComputedStyle(button(plain, 'Sign in')).backgroundColor).not.to.equal('rgb(200, 30, 90)');
    expect(card(plain).borderTopLeftRadius).not.to.equal('0px');
  });

  it('density scales the padding', async () => {
    const comfortable = await fixture(html`<partner-sign-in style="--partner-space: 16px"></partner-sign-in>`);
    const compact = await fixture(html`<partner-sign-in style="--partner-space: 16px; --partner-density: 0.5"></partner-sign-in>`);
    expect(card(comfortable).paddingTop).to.equal('24px');
    expect(card(compact).paddingTop).to.equal('12px');
  });

  it('exposes parts a page can style with ::part', async () => {
    const style = document.createElement('style');
    style.textContent = '.brand partner-sign-in::part(title) { color: rgb(0, 128, 0); text-transform: uppercase; }';
    document.head.append(style);
    try {
      const el = await fixture(html`<div class="brand"><partner-sign-in></partner-sign-in></div>`);
      const title = getComputedStyle($(el.querySelector('partner-sign-in')!, '[part~="title"]'));
      expect(title.color).to.equal('rgb(0, 128, 0)');
      expect(title.textTransform).to.equal('uppercase');
    } finally {
      style.remove();
    }
  });
});
