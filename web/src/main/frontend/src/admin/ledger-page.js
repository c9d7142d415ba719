import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { hashQuery, ledgerQuery, readForm } from './forms.js';
import { detailPairs, subjectLink, verification } from './words.js';

const P = 'dg-admin-ledger';
const PAGE = 50;
// ids and hashes are long; the table shows their start, the full value is in the title and the links
const short = (s) => (s.length > 10 ? `${s.slice(0, 8)}…` : s);

/** The audit ledger (R8): searching and browsing its entries a page at a time, and verifying the whole chain. */
export class DgAdminLedger extends DgPage {
  static properties = {
    ...DgPage.properties,
    entries: { state: true },
    next: { state: true },
    query: { state: true },
    verified: { state: true },
  };

  constructor() {
    super();
    // a link may name the subject (#/admin/ledger?subject=<id>), from another page or from an entry here
    this.onHash = () => {
      if (location.hash.startsWith('#/admin/ledger')) this.fromHash();
    };
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    this.fromHash();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    super.disconnectedCallback();
  }

  fromHash() {
    const q = hashQuery(location.hash);
    this.query = { subject: q.subject, performer: q.performer };
    this.search();
  }

  async search(event) {
    if (event) {
      event.preventDefault();
      this.query = ledgerQuery(readForm(new FormData(event.target)));
    }
    // only the latest search is shown: the first page of everything may still be on its way when a search is sent
    const round = (this.round = (this.round ?? 0) + 1);
    const page = await this.act('Searching the ledger', () => api.get('/audit', { ...this.query, limit: PAGE }));
    if (page && round === this.round) {
      this.entries = page.items;
      this.next = page.next;
    }
  }

  async more() {
    const round = this.round;
    const page = await this.act('Loading more entries', () => api.get('/audit', { ...this.query, after: this.next, limit: PAGE }));
    if (page && round === this.round) {
      this.entries = [...this.entries, ...page.items];
      this.next = page.next;
    }
  }

  async verify() {
    this.verified = null;
    const v = await this.act('Verifying the whole ledger', () => api.get('/audit/verification'));
    if (v) this.verified = { ...verification(v), at: new Date().toISOString() };
  }

  input(name, label, { type = 'text', value, hint } = {}) {
    const id = `${P}-${name}`;
    return html`<div><label for=${id}>${label}</label><br>
      <input id=${id} name=${name} type=${type} .value=${value ?? ''} aria-invalid=${this.invalid(name)}
        aria-describedby=${ifDefined(this.describedBy(name) ?? (hint ? `${id}-hint` : undefined))}>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${this.fieldError(name)}</div>`;
  }

  render() {
    return html`<h1>Audit ledger</h1>
      <p class="hint">Every consent decision, grant, revocation, approval, model decision, QA verdict and delivery,
        each entry chained to the one before by its hash.</p>
      <h2>Verification</h2>
      <button type="button" @click=${this.verify} ?disabled=${!!this.working}>Verify the ledger</button>
      <div role="status" data-testid="ledger-verification">${this.verified ? html`<p class=${this.verified.tone}>
        <strong>${this.verified.headline}.</strong> ${this.verified.text} (verified ${dateTime(this.verified.at)})</p>` : nothing}</div>
      <h2>Entries</h2>
      <form class="inline" @submit=${this.search} aria-label="Search the ledger" novalidate>
        ${this.input('subject', 'Subject id (model, grant, job…)', { value: this.query?.subject })}
        ${this.input('performer', 'Performer id', { value: this.query?.performer })}
        ${this.input('from', 'From (UTC day)', { type: 'date' })}
        ${this.input('to', 'To (UTC day, inclusive)', { type: 'date' })}
        <div><button type="submit" ?disabled=${!!this.working}>Search</button></div>
      </form>
      ${this.query?.subject ? html`<p>Only the entries of subject <code>${this.query.subject}</code>.
        <a href="#/admin/ledger">All entries</a></p>` : nothing}
      ${this.progressView()}
      ${this.problemView()}
      ${this.entries ? this.table() : nothing}`;
  }

  table() {
    if (!this.entries.length) return html`<p>No entries match.</p>`;
    return html`<table class="dg-admin-ledger">
      <thead><tr><th scope="col">Entry</th><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th>
        <th scope="col">Subject</th><th scope="col">Decision</th><th scope="col">Detail</th><th scope="col">Hash</th></tr></thead>
      <tbody>${this.entries.map((e) => {
        const link = subjectLink(e);
        return html`<tr>
          <th scope="row">${e.seq}</th>
          <td>${dateTime(e.at)}</td>
          <td>${e.actor}</td>
          <td>${e.action}</td>
          <td>${e.subjectType} ${e.subjectId ? html`<a href=${`#/admin/ledger?subject=${encodeURIComponent(e.subjectId)}`}
            title=${e.subjectId} aria-label=${`Entries of ${e.subjectType} ${e.subjectId}`}>${short(e.subjectId)}</a>` : nothing}
            ${link ? html`<br><a href=${link} aria-label=${`its page (${e.subjectType} ${e.subjectId})`}>its page</a>` : nothing}</td>
          <td>${e.decision}</td>
          <td class="detail">${detailPairs(e.detail).map((p, i) => html`${i ? ' · ' : ''}<strong>${p.key}</strong>: ${p.value}`)}</td>
          <td><code title=${e.hash}>${short(e.hash)}</code></td>
        </tr>`;
      })}</tbody>
    </table>
    <p>${this.entries.length} ${this.entries.length === 1 ? 'entry' : 'entries'} shown${this.next ? '' : ', no more'}.</p>
    ${this.next ? html`<button type="button" class="secondary" @click=${this.more} ?disabled=${!!this.working}>More entries</button>` : nothing}`;
  }
}
customElements.define('dg-admin-ledger', DgAdminLedger);
