// The floor the widget is compared with: one minimal Lit element with a style and a button, built
// and served exactly like the widget's script-tag bundle (minified ES module, same server).
import { LitElement, css, html } from 'lit';

export class BaselineElement extends LitElement {
  static override properties = { label: { type: String } };

  static override styles = css`
    :host {
      display: block;
    }
  `;

  declare label: string;

  constructor() {
    super();
    this.label = 'Subscribe';
  }

  protected override render() {
    return html`<button type="button">${this.label}</button>`;
  }
}

if (!customElements.get('baseline-element')) customElements.define('baseline-element', BaselineElement);
