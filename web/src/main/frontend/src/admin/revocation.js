import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';

/**
 * Revoking in two steps, so one click never revokes: "Revoke…" opens the reason, and only
 * "Confirm revocation" sends it (POST path {reason}). Fires `revoked` with the updated record.
 */
export class DgAdminRevocation extends DgPage {
  static properties = {
    ...DgPage.properties,
    path: {},
    what: {},
    prefix: {},
    open: { state: true },
  };

  async confirm(event) {
    event.preventDefault();
    const reason = new FormData(event.target).get('reason');
    const updated = await this.act(`Revoking ${this.what}`, () => api.post(this.path, { reason }));
    if (updated) {
      this.open = false;
      this.dispatchEvent(new CustomEvent('revoked', { detail: updated, bubbles: true }));
    }
  }

  async show() {
    this.open = true;
    await this.updateComplete;
    this.querySelector('textarea')?.focus();
  }

  render() {
    const id = `${this.prefix}-reason`;
    if (!this.open) {
      return html`<button type="button" class="danger" aria-label=${`Revoke ${this.what}…`} @click=${this.show}>Revoke…</button>`;
    }
    return html`<form @submit=${this.confirm} aria-label=${`Revoke ${this.what}`} novalidate>
      <label for=${id}>Why revoke ${this.what}?</label>
      <textarea id=${id} name="reason" required aria-invalid=${this.invalid('reason')}
        aria-describedby=${ifDefined(this.describedBy('reason'))}></textarea>
      ${this.fieldError('reason')}
      <p class="hint">This is final and goes into the audit ledger.</p>
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${!!this.working}>Confirm revocation</button>
        <button type="button" class="secondary" @click=${() => { this.open = false; this.error = null; }}>Cancel</button>
      </div>
      ${this.progressView()}
      ${this.problemView()}
    </form>`;
  }
}
customElements.define('dg-admin-revocation', DgAdminRevocation);
