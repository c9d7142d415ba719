import { html, nothing } from 'lit';
import { DgElement } from '../base.js';

/**
 * A page or panel that calls the API: `act` runs one action with a progress bar shown and its failure
 * kept as `error`, whose field errors the form shows next to the fields they name (see fieldError).
 */
export class DgPage extends DgElement {
  static properties = {
    error: { state: true },
    working: { state: true },
  };

  /** Runs fn with `working` set to label (shown as a progress bar) and keeps an ApiError as `error`. */
  async act(label, fn) {
    this.working = label;
    this.error = null;
    try {
      return await fn();
    } catch (e) {
      this.error = e;
      // the first field the server named, where its message now is (it may be far from the button pressed)
      if (e?.fieldErrors && Object.keys(e.fieldErrors).length) {
        this.updateComplete.then(() => this.querySelector('[aria-invalid="true"]')?.focus());
      }
      return undefined;
    } finally {
      this.working = null;
    }
  }

  /** The bar shown while an action runs; value is a fraction, or absent for an indeterminate bar. */
  progressView(value) {
    if (!this.working) return nothing;
    return html`<div class="working" role="status">
      <progress aria-label=${this.working} max="1" .value=${value ?? null}></progress> <span>${this.working}…</span>
    </div>`;
  }

  /** The failure in words: the problem's detail, and the consent gate's violations one per line. */
  problemView() {
    const e = this.error;
    if (!e) return nothing;
    const p = e.problem ?? {};
    const unnamed = (p.errors ?? []).filter((x) => !x.field || !this.querySelector(`[name="${CSS.escape(x.field)}"]`));
    // a validation problem's detail repeats its field errors: when each is shown at its field, say only where
    const atFields = p.errors?.length && !unnamed.length;
    return html`<div class="problem" role="alert">
      <strong>${p.title ?? 'Failed'}</strong>${atFields
        ? html`: ${p.errors.length === 1 ? 'see the message at the field' : `see the ${p.errors.length} messages at their fields`}.`
        : p.detail ? html`: ${p.detail}` : nothing}
      ${p.violations?.length ? html`<ul class="violations">${p.violations.map((v) => html`<li>${v.message}</li>`)}</ul>` : nothing}
      ${unnamed.length ? html`<ul>${unnamed.map((x) => html`<li>${x.field ? `${x.field}: ` : ''}${x.message}</li>`)}</ul>` : nothing}
    </div>`;
  }

  /** The message for one field, shown under it and linked by aria-describedby (see describedBy). */
  fieldError(name) {
    const message = this.error?.fieldErrors?.[name];
    return message ? html`<p class="field-error" id=${errorId(name)}>${message}</p>` : nothing;
  }

  describedBy(name) {
    return this.error?.fieldErrors?.[name] ? errorId(name) : undefined;
  }

  invalid(name) {
    return this.error?.fieldErrors?.[name] ? 'true' : 'false';
  }
}

const errorId = (name) => `error-${name.replace(/[^A-Za-z0-9_-]/g, '-')}`;
