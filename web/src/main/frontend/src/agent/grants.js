import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { standing, useLabel, purposeLabel, languageLabel, territoryLabel, titleLabel } from './names.js';

/**
 * A performer's consent grants, revoked and expired ones included, with the standing the server
 * gives them now; and revocation, which takes a reason and a second, deliberate step because it
 * takes effect at once (running work that needs the grant stops, deliveries made under it are recalled).
 *
 * Fires `grant-revoked` (detail: the grant) so the page refreshes what follows from it.
 */
export class DgAgentGrants extends DgPage {
  static properties = {
    ...DgPage.properties,
    performerId: { attribute: false },
    titleNames: { attribute: false },
    recordedId: { attribute: false },
    grants: { state: true },
    revoking: { state: true },
    reason: { state: true },
    revoked: { state: true },
  };

  constructor() {
    super();
    this.titleNames = new Map();
    this.reason = '';
  }

  updated(changed) {
    if (changed.has('performerId') && this.performerId) this.load();
    if (changed.has('revoking') && this.revoking) this.querySelector('#dg-agent-revoke-reason')?.focus();
  }

  async load() {
    const grants = await this.act('Loading grants', () => api.get(`/performers/${encodeURIComponent(this.performerId)}/grants`));
    if (grants) this.grants = [...grants].sort((a, b) => (b.recordedAt ?? '').localeCompare(a.recordedAt ?? ''));
  }

  askRevoke(grant) {
    this.revoking = grant;
    this.reason = '';
    this.revoked = null;
    this.error = null;
  }

  cancelRevoke() {
    const id = this.revoking?.id;
    this.revoking = null;
    this.error = null;
    this.updateComplete.then(() => this.querySelector(`[data-grant="${id}"]`)?.focus());
  }

  async revoke(event) {
    event.preventDefault();
    const grant = this.revoking;
    const done = await this.act('Revoking the grant', () => api.post(`/grants/${grant.id}/revocation`, { reason: this.reason }));
    if (!done) return;
    this.revoking = null;
    this.revoked = done;
    await this.load();
    this.dispatchEvent(new CustomEvent('grant-revoked', { detail: done, bubbles: true }));
  }

  titlesOf(g) {
    return g.titles.map((t) => titleLabel(t, this.titleNames)).join(', ');
  }

  render() {
    return html`<h2 id="dg-agent-grants-heading">Consent grants</h2>
      ${this.revoked ? html`<p class="notice" role="status">The grant for ${this.titlesOf(this.revoked)} is revoked. Work that
        needed it is blocked, and deliveries made under it are recalled.</p>` : nothing}
      ${this.recordedId && this.grants?.some((g) => g.id === this.recordedId) && !this.revoked
        ? html`<p class="notice" role="status">The grant is recorded.</p>` : nothing}
      ${this.grants ? this.table() : nothing}
      ${this.revoking ? this.revokeView() : nothing}
      ${this.progressView()}
      ${this.revoking ? nothing : this.problemView()}`;
  }

  table() {
    if (!this.grants.length) return html`<p>No consent recorded for this performer yet.</p>`;
    return html`<table class="dg-agent-grants" aria-labelledby="dg-agent-grants-heading">
      <thead><tr><th scope="col">Standing</th><th scope="col">Uses</th><th scope="col">Titles</th>
        <th scope="col">Languages</th><th scope="col">Territories</th><th scope="col">Purposes</th>
        <th scope="col">Valid</th><th scope="col">Terms</th><th scope="col">Action</th></tr></thead>
      <tbody>${this.grants.map((g) => this.row(g))}</tbody>
    </table>`;
  }

  row(g) {
    const s = standing(g.standing);
    return html`<tr data-grant-row=${g.id} class=${g.id === this.recordedId ? 'dg-agent-recorded' : ''}>
      <td><span class="state ${s.tone}" data-testid="standing">${s.label}</span>
        ${g.revokedAt ? html`<br><span class="hint">on ${dateTime(g.revokedAt)} by ${g.revokedBy}</span>` : nothing}</td>
      <td>${g.uses.map(useLabel).join(', ')}</td>
      <td>${this.titlesOf(g)}</td>
      <td>${g.languages.map(languageLabel).join(', ')}</td>
      <td>${g.territories.map(territoryLabel).join(', ')}</td>
      <td>${g.purposes.map(purposeLabel).join(', ')}</td>
      <td>from ${dateTime(g.validFrom)}<br>until ${dateTime(g.validUntil)}</td>
      <td><details><summary>Terms of this grant</summary>
        <dl class="facts">
          <dt>Description</dt><dd>${g.description}</dd>
          <dt>Compensation</dt><dd>${g.compensationReference}</dd>
          <dt>Signed by</dt><dd>${g.signedBy}${g.estateGrant ? ' (for the estate)' : ''}</dd>
          <dt>Evidence</dt><dd><a href=${`${api.BASE}/consent-evidence/${g.evidenceId}/content`}
            download>Signed document</a><br><span class="hint">SHA-256 <code>${g.evidenceSha256}</code></span></dd>
          <dt>Recorded</dt><dd>${dateTime(g.recordedAt)} by ${g.recordedBy}</dd>
          ${g.revocationReason ? html`<dt>Revocation reason</dt><dd>${g.revocationReason}</dd>` : nothing}
          <dt>Grant id</dt><dd><code>${g.id}</code></dd>
        </dl></details></td>
      <td>${g.standing === 'REVOKED' ? '—' : html`<button type="button" class="danger" data-grant=${g.id}
        aria-label=${`Revoke the grant for ${this.titlesOf(g)}`} @click=${() => this.askRevoke(g)}>Revoke</button>`}</td>
    </tr>`;
  }

  revokeView() {
    const g = this.revoking;
    const describedBy = ['dg-agent-revoke-effect', this.describedBy('reason')].filter(Boolean).join(' ');
    return html`<section class="dg-agent-revoke" aria-labelledby="dg-agent-revoke-heading">
      <h3 id="dg-agent-revoke-heading">Revoke the grant for ${this.titlesOf(g)}?</h3>
      <p id="dg-agent-revoke-effect">Revocation takes effect at once and cannot be undone: jobs that need this grant are
        blocked, their outputs quarantined, and deliveries made under it are recalled. Consent given again is a new grant.</p>
      <form @submit=${this.revoke} aria-label="Revoke grant" novalidate>
        <label for="dg-agent-revoke-reason">Reason for the revocation (required)</label>
        <textarea id="dg-agent-revoke-reason" name="reason" .value=${this.reason}
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${this.invalid('reason')}
          @input=${(e) => { this.reason = e.target.value; }}></textarea>
        ${this.fieldError('reason')}
        <div class="actions">
          <button type="submit" class="danger" ?disabled=${!!this.working}>Revoke grant</button>
          <button type="button" class="secondary" @click=${this.cancelRevoke}>Keep the grant</button>
        </div>
      </form>
      ${this.problemView()}
    </section>`;
  }
}
customElements.define('dg-agent-grants', DgAgentGrants);
