/**
 * `.value=${liveValue(v)}`: sets an input's value whenever it differs from `v`, checked against
 * the input itself rather than the last value rendered (the person may have typed since). Lit's
 * `live` does the same for any binding; this one, for `.value` alone, spares the bundle its helpers.
 */
import { noChange } from 'lit';
import { Directive, directive, type PropertyPart } from 'lit/directive.js';

class LiveValue extends Directive {
  render(value: string) {
    return value;
  }

  override update(part: PropertyPart, [value]: [string]) {
    const input = part.element as HTMLInputElement;
    if (input.value !== value) input.value = value;
    return noChange;
  }
}

export const liveValue = directive(LiveValue);
