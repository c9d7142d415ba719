import { LitElement } from 'lit';

/**
 * The portal's components render into the light DOM: one stylesheet styles every page, and the
 * browser tests and axe see the page as a user's assistive technology does.
 */
export class DgElement extends LitElement {
  createRenderRoot() {
    return this;
  }
}
