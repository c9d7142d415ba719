import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { languageLabel, titleLabel } from './names.js';

/**
 * Every use of the performer's voice (GET /performers/{id}/uses): the lines each job made in each
 * language with each model under one of their grants, how many are quarantined since a revocation,
 * and whether the job's delivery was recalled. The ledger's entries follow it on the page.
 */
/** The most the server lists in one answer; more uses than that are said to exist, newest shown. */
const USES_SHOWN = 500;

export class DgAgentUses extends DgPage {
  static properties = {
    ...DgPage.properties,
    performerId: { attribute: false },
    titleNames: { attribute: false },
    uses: { state: true },
  };

  constructor() {
    super();
    this.titleNames = new Map();
  }

  updated(changed) {
    if (changed.has('performerId') && this.performerId) this.load();
  }

  async load() {
    const uses = await this.act('Loading the uses of the voice',
      () => api.get(`/performers/${encodeURIComponent(this.performerId)}/uses`, { limit: USES_SHOWN }));
    if (uses) this.uses = uses;
  }

  render() {
    return html`<h2 id="dg-agent-uses-heading">Uses of the voice</h2>
      <p>Every line made with this performer’s voice, per job, language, model and grant.</p>
      ${this.progressView()}
      ${this.problemView()}
      ${this.uses ? this.table(this.uses) : nothing}`;
  }

  table(uses) {
    if (!uses.length) return html`<p>No line has been made with this voice yet.</p>`;
    const cut = uses.length >= USES_SHOWN ? html`<p class="notice">The newest ${USES_SHOWN} uses are shown; there are more.</p>`
      : nothing;
    const id = (v) => html`<code title=${v}>${v.slice(0, 8)}</code>`;
    return html`<table class="dg-agent-uses" aria-labelledby="dg-agent-uses-heading">
      <thead><tr><th scope="col">Made</th><th scope="col">Job</th><th scope="col">Title</th><th scope="col">Language</th>
        <th scope="col">Cues (lines)</th><th scope="col">Model</th><th scope="col">Grant</th>
        <th scope="col">Quarantined</th><th scope="col">Delivery</th></tr></thead>
      <tbody>${uses.map((u) => html`<tr data-job=${u.jobId} data-language=${u.language}>
        <td>${dateTime(u.lastMadeAt)}</td>
        <td>${id(u.jobId)}</td>
        <td>${titleLabel(u.title, this.titleNames)}</td>
        <td>${languageLabel(u.language)}</td>
        <td>${u.use === 'LIP_SYNC' ? `${u.cues} lip-synced shot(s) of the on-screen performance`
          : `${u.cues}${u.lines !== u.cues ? ` (${u.lines}: re-rendered)` : ''}`}</td>
        <td>${u.model} ${u.modelVersion}</td>
        <td>${id(u.grantId)}</td>
        <td>${u.quarantinedLines ? html`<span class="state bad">${u.quarantinedLines} of ${u.lines}</span>` : 'none'}</td>
        <td>${delivery(u.delivery)}</td>
      </tr>`)}</tbody>
    </table>${cut}`;
  }
}

function delivery(d) {
  if (!d) return 'not delivered';
  if (d.recalled) return html`<span class="state bad">Recalled</span> ${dateTime(d.recalledAt)}: ${d.recallReason}`;
  return html`${d.state === 'AVAILABLE' ? 'Delivered' : d.state} ${dateTime(d.deliveredAt)}`;
}
customElements.define('dg-agent-uses', DgAgentUses);
