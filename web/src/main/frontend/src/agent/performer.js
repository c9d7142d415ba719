import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { titleNamesOf } from './names.js';
import { performerName, performerStatus } from './performer-model.js';
import './grants.js';
import './usage.js';
import './uses.js';

/** The grant a just-recorded grant's page highlights: #/agent/performers/<id>?recorded=<grant id>. */
const recordedGrant = () => new URLSearchParams(location.hash.split('?')[1] ?? '').get('recorded') ?? undefined;

/**
 * One performer of the agency: their details, their consent grants with each one's standing now
 * (and revocation), and the usage report. Another agency's performer is "not found", as the API says.
 */
export class DgAgentPerformer extends DgPage {
  static properties = {
    ...DgPage.properties,
    performerId: { attribute: false },
    performer: { state: true },
    titleNames: { state: true },
    notFound: { state: true },
  };

  constructor() {
    super();
    this.titleNames = new Map();
  }

  updated(changed) {
    if (changed.has('performerId') && this.performerId) this.load();
  }

  async load() {
    this.performer = null;
    this.notFound = false;
    const id = encodeURIComponent(this.performerId);
    const loaded = await this.act('Loading the performer', () => Promise.all([
      api.get(`/performers/${id}`), api.all('/titles', { limit: 500 })]));
    if (loaded) {
      [this.performer] = loaded;
      this.titleNames = titleNamesOf(loaded[1]);
    } else if (this.error?.status === 404 || this.error?.status === 400) {
      this.notFound = true;
    }
  }

  render() {
    if (this.notFound) {
      return html`<h1>Performer not found</h1>
        <p>Your agency has no performer with this id. <a href="#/agent/performers">Back to the performers</a>.</p>`;
    }
    const p = this.performer;
    if (!p) {
      return html`<h1>Performer</h1>${this.progressView()}${this.problemView()}`;
    }
    return html`<h1>${performerName(p)}</h1>
      <p><a href="#/agent/performers">Back to the performers</a></p>
      <dl class="facts">
        <dt>Legal name</dt><dd>${p.legalName}</dd>
        <dt>Stage name</dt><dd>${p.stageName ?? '—'}</dd>
        <dt>Status</dt><dd>${performerStatus(p)}</dd>
        <dt>Agency</dt><dd>${p.agency}</dd>
        <dt>Registered</dt><dd>${dateTime(p.createdAt)}</dd>
      </dl>
      ${p.deceased ? html`<p class="notice" role="note">Grants of a deceased performer are signed by the estate’s
        representative, and every use under them also needs an admin’s written approval.</p>` : nothing}
      <p class="actions">
        <a class="button" href="#/agent/performers/${p.id}/grants/new">Record a grant for ${performerName(p)}</a>
        <a class="button secondary" href="#/agent/performers/${p.id}/edit">Edit details</a>
      </p>
      <dg-agent-grants .performerId=${p.id} .titleNames=${this.titleNames} .recordedId=${recordedGrant()}
        @grant-revoked=${() => { this.querySelector('dg-agent-uses')?.load(); this.querySelector('dg-agent-usage')?.load(); }}>
      </dg-agent-grants>
      <dg-agent-uses .performerId=${p.id} .titleNames=${this.titleNames}></dg-agent-uses>
      <dg-agent-usage .performerId=${p.id} .titleNames=${this.titleNames}></dg-agent-usage>`;
  }
}
customElements.define('dg-agent-performer', DgAgentPerformer);
