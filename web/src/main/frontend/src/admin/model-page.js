import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { approveBody, readForm } from './forms.js';
import { approvalState, artifactCheck, modelState, siteLabel } from './words.js';
import './revocation.js';

const P = 'dg-admin-model';
const yes = (b) => (b ? 'Yes' : 'No');

/** One model: its declaration and hash, approving it, revoking it, and checking its artifact now. */
export class DgAdminModel extends DgPage {
  static properties = {
    ...DgPage.properties,
    modelId: {},
    model: { state: true },
    overrides: { state: true },
    check: { state: true },
    notice: { state: true },
    at: { state: true },
  };

  // the route reuses this element from one model's page to the next: load whenever the id changes
  updated(changed) {
    if (changed.has('modelId') && this.modelId) this.load();
  }

  async load() {
    this.check = null;
    this.notice = null;
    this.at = 'load';
    const model = await this.act('Loading the model', () => api.get(`/models/${this.modelId}`));
    if (!model) return;
    this.model = model;
    if (model.status === 'PENDING' && model.dataTermProblems.length) {
      // only a MODEL_DATA_TERMS approval naming this model, still open, can override its terms
      const approvals = await this.act('Loading written approvals', () => api.all('/approvals'));
      this.overrides = (approvals ?? []).filter((a) => a.escalation === 'MODEL_DATA_TERMS'
        && a.subject === model.id && approvalState(a).text === 'Active');
    }
  }

  async approve(event) {
    event.preventDefault();
    this.at = 'approve';
    const body = approveBody(readForm(new FormData(event.target)));
    const model = await this.act(`Approving ${this.model.name}`, () => api.post(`/models/${this.model.id}/approval`, body));
    if (model) {
      this.model = model;
      this.notice = `${model.name} is approved: workers may run it while its artifact matches.`;
    }
  }

  async runCheck() {
    this.at = 'check';
    const result = await this.act('Re-hashing the artifact', () => api.get(`/models/${this.model.id}/artifact-check`));
    if (result) this.check = { ...artifactCheck(result.hashState), at: new Date().toISOString() };
  }

  revoked(model) {
    this.model = model;
    this.notice = `${model.name} is revoked: no worker will run it again.`;
  }

  render() {
    const m = this.model;
    if (!m) return html`<h1>Model</h1>${this.outcome('load')}`;
    const state = modelState(m);
    return html`<h1>Model ${m.name}</h1>
      <p><a href="#/admin/models">All models</a> · <a href=${`#/admin/ledger?subject=${m.id}`}>Ledger entries of this model</a></p>
      <p class=${`state ${state.tone}`} data-testid="model-state">${state.text}${m.decidedBy
        ? ` by ${m.decidedBy} at ${dateTime(m.decidedAt)}` : ''}${m.decisionNote ? ` — ${m.decisionNote}` : ''}</p>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.outcome('load')}
      ${this.facts(m)}
      <h2>Data terms</h2>
      ${m.dataTermProblems.length
        ? html`<p>${m.overrideApprovalId ? `Not clean; approved under written approval ${m.overrideApprovalId}, which overrides:`
          : m.status === 'PENDING' ? `Not clean: approving it needs a written approval (MODEL_DATA_TERMS, subject ${m.id}).`
            : 'Not clean:'}</p>
          <ul>${m.dataTermProblems.map((p) => html`<li>${p}</li>`)}</ul>`
        : html`<p>Clean: known licence, licensed training data, no storage of and no training on inputs, runs inside the enterprise.</p>`}
      <h2>Artifact check</h2>
      <p class="hint">Re-hashes the artifact on the server now and compares it with the registered SHA-256.</p>
      <button type="button" @click=${this.runCheck} ?disabled=${!!this.working}>Check the artifact now</button>
      <div role="status" data-testid="artifact-check">${this.check ? html`<p class=${this.check.tone}>
        <strong>${this.check.headline}.</strong> ${this.check.text} (checked ${dateTime(this.check.at)})</p>` : nothing}</div>
      ${this.outcome('check')}
      ${m.status === 'PENDING' ? this.approval(m) : nothing}
      ${m.status !== 'REVOKED' ? html`<h2>Revoke</h2>
        <p class="hint">A revoked model stops at once: workers refuse it before their next line.</p>
        <dg-admin-revocation prefix=${`${P}-revoke`} what=${`model ${m.name}`} path=${`/models/${m.id}/revocation`}
          @revoked=${(e) => this.revoked(e.detail)}></dg-admin-revocation>` : nothing}`;
  }

  /** The progress and the problem of an action, shown beside the part of the page that ran it. */
  outcome(part) {
    return this.at === part ? html`${this.progressView()}${this.problemView()}` : nothing;
  }

  facts(m) {
    return html`<dl class="facts">
      <dt>Kind</dt><dd>${m.kind}</dd>
      <dt>Engine</dt><dd>${m.engine}</dd>
      <dt>Version</dt><dd>${m.version}</dd>
      <dt>Artifact</dt><dd><ul>${m.artifactLocation.split(':').map((p) => html`<li><code>${p}</code></li>`)}</ul></dd>
      <dt>SHA-256</dt><dd><code>${m.artifactSha256}</code></dd>
      <dt>Licence</dt><dd>${m.licence || 'not stated'}</dd>
      <dt>Training data</dt><dd>${m.trainingData || 'not stated'}</dd>
      <dt>Training data licensed</dt><dd>${yes(m.trainingDataLicensed)}</dd>
      <dt>Stores inputs</dt><dd>${yes(m.storesInputs)}</dd>
      <dt>Trains on inputs</dt><dd>${yes(m.trainsOnInputs)}</dd>
      <dt>Runs</dt><dd>${siteLabel(m.executionSite)}</dd>
      <dt>Registered</dt><dd>${dateTime(m.registeredAt)} by ${m.registeredBy}</dd>
      ${m.overrideApprovalId ? html`<dt>Terms overridden by</dt><dd>written approval ${m.overrideApprovalId}</dd>` : nothing}
    </dl>`;
  }

  approval(m) {
    const needsOverride = m.dataTermProblems.length > 0;
    return html`<h2>Approve</h2>
      <form @submit=${this.approve} aria-label=${`Approve ${m.name}`} novalidate>
        <label for=${`${P}-note`}>Note (optional)</label>
        <textarea id=${`${P}-note`} name="note" aria-invalid=${this.invalid('note')}
          aria-describedby=${ifDefined(this.describedBy('note'))}></textarea>
        ${this.fieldError('note')}
        ${needsOverride ? this.overrideField(m) : nothing}
        <div class="actions"><button type="submit" ?disabled=${!!this.working}>Approve the model</button></div>
      </form>
      ${this.outcome('approve')}`;
  }

  overrideField(m) {
    const id = `${P}-overrideApprovalId`;
    const options = this.overrides ?? [];
    return html`<label for=${id}>Written approval overriding the data terms</label>
      <select id=${id} name="overrideApprovalId" aria-invalid=${this.invalid('overrideApprovalId')}
        aria-describedby=${`${this.describedBy('overrideApprovalId') ?? ''} ${id}-hint`.trim()}>
        <option value="">None</option>
        ${options.map((a) => html`<option value=${a.id}>${a.text.slice(0, 60)} (until ${dateTime(a.validUntil)})</option>`)}
      </select>
      <p class="hint" id=${`${id}-hint`}>${options.length ? 'Active MODEL_DATA_TERMS approvals naming this model.'
        : html`None recorded for this model yet. <a href=${`#/admin/approvals?escalation=MODEL_DATA_TERMS&subject=${m.id}`}>Record a written approval</a>.`}</p>
      ${this.fieldError('overrideApprovalId')}`;
  }
}
customElements.define('dg-admin-model', DgAdminModel);
