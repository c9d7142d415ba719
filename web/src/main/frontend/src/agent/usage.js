import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { languageLabel, titleLabel } from './names.js';
import { usageRows, filterRows } from './usage-model.js';

/**
 * The usage report: every ledger entry that involved the performer (GET /performers/{id}/usage):
 * consent checks of jobs and dry runs, QA verdicts on what was made with their voice, recalls, and
 * the grants' own history, newest first.
 */
export class DgAgentUsage extends DgPage {
  static properties = {
    ...DgPage.properties,
    performerId: { attribute: false },
    titleNames: { attribute: false },
    rows: { state: true },
    truncated: { state: true },
    only: { state: true },
  };

  constructor() {
    super();
    this.titleNames = new Map();
    this.only = 'all';
  }

  updated(changed) {
    if (changed.has('performerId') && this.performerId) this.load();
  }

  async load() {
    const entries = await this.act('Loading the usage report',
      () => api.all(`/performers/${encodeURIComponent(this.performerId)}/usage`, { limit: 500 }));
    if (entries) {
      this.rows = usageRows(entries);
      this.truncated = entries.truncated;
    }
  }

  render() {
    const rows = this.rows ? filterRows(this.rows, this.only) : null;
    return html`<h2 id="dg-agent-usage-heading">Ledger entries</h2>
      <p>Everything the audit ledger recorded about this performer: each consent check (with the grant that covered it),
        each QA verdict on what was made, each recalled delivery, and the grants’ own history.</p>
      <form class="inline" aria-label="Usage report entries" @submit=${(e) => e.preventDefault()}>
        <label for="dg-agent-usage-only">Show</label>
        <select id="dg-agent-usage-only" .value=${this.only} @change=${(e) => { this.only = e.target.value; }}>
          <option value="all" ?selected=${this.only === 'all'}>every entry</option>
          <option value="uses" ?selected=${this.only === 'uses'}>uses only (without the grants’ own history)</option>
        </select>
        <button type="button" class="secondary" @click=${() => this.load()}>Refresh</button>
      </form>
      ${this.progressView()}
      ${this.problemView()}
      ${this.truncated ? html`<p class="notice">The ledger holds more entries about this performer than this page
        reads at once; the oldest 10,000 are shown. Search the rest on the admin’s ledger page.</p>` : nothing}
      ${rows ? this.table(rows) : nothing}`;
  }

  table(rows) {
    if (!rows.length) return html`<p>Nothing recorded yet.</p>`;
    // ids shortened to their first 8 characters (enough to tell them apart here), the whole id on hover
    const id = (v) => html`<code title=${v}>${v.slice(0, 8)}</code>`;
    const ids = (values) => (values.length ? values.map((v) => html`${id(v)} `) : '—');
    return html`<table class="dg-agent-usage" aria-labelledby="dg-agent-usage-heading">
      <thead><tr><th scope="col">When</th><th scope="col">What</th><th scope="col">Job</th><th scope="col">Title</th>
        <th scope="col">Language</th><th scope="col">Cues</th><th scope="col">Model</th><th scope="col">Outcome</th>
        <th scope="col">Delivery recalled</th><th scope="col">Grant</th><th scope="col">By</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr data-action=${r.action}>
        <td>${dateTime(r.at)}</td>
        <td>${r.what}</td>
        <td>${ids(r.jobs)}</td>
        <td>${r.titles.length ? r.titles.map((t) => titleLabel(t, this.titleNames)).join(', ') : '—'}</td>
        <td>${r.languages.length ? r.languages.map(languageLabel).join(', ') : '—'}</td>
        <td>${r.cues || '—'}</td>
        <td>${r.model || '—'}</td>
        <td>${r.outcome}</td>
        <td>${r.recalled ? html`<span class="state bad">Recalled</span> ${dateTime(r.recalled)}` : r.jobs.length ? 'No' : '—'}</td>
        <td>${r.grantId ? id(r.grantId) : '—'}</td>
        <td>${r.actor}</td>
      </tr>`)}</tbody>
    </table>`;
  }
}
customElements.define('dg-agent-usage', DgAgentUsage);
