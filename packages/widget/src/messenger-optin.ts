import { LitElement, css, html } from 'lit';

/**
 * @summary Lets visitors subscribe to a business over their messenger, lawfully: they read a
 * data-use notice, then send the prefilled start message themselves.
 *
 * @cssprop [--optin-font-family=inherit] - Font of the whole widget.
 */
export class MessengerOptin extends LitElement {
  static override properties = {
    company: { type: String },
  };

  static override styles = css`
    :host {
      display: block;
      font-family: var(--optin-font-family, inherit);
    }
  `;

  /** Business name as the visitor will see it in the messenger. */
  declare company: string;

  constructor() {
    super();
    this.company = '';
  }

  protected override render() {
    return html`<p part="headline">${this.company}</p>`;
  }
}
