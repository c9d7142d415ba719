import { html, nothing } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { hashQuery } from './forms.js';
import { approvalState, escalationLabel } from './words.js';
import './approval-record.js';
import './revocation.js';

/** Written approvals of escalated uses (R4): the jobs blocked waiting for one, recording, the list, revoking. */
export class DgAdminApprovals extends DgPage {
  static properties = {
    ...DgPage.properties,
    approvals: { state: true },
    blocked: { state: true },
    titles: { state: true },
    models: { state: true },
    prefill: { state: true },
    notice: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    const q = hashQuery(location.hash);
    if (q.escalation || q.subject || q.jobId) this.prefill = q;
    this.load();
  }

  async load() {
    await this.act('Loading written approvals', async () => {
      const [titles, models] = await Promise.all([api.all('/titles'), api.all('/models')]);
      this.titles = titles;
      this.models = models.filter((m) => m.status === 'PENDING' && m.dataTermProblems.length);
    });
    await this.loadApprovals();
    await this.act('Loading blocked jobs', async () => {
      const blocked = await api.get('/jobs', { state: 'BLOCKED', limit: 10 });
      // the reason a job is blocked is on the job itself, not in the list
      this.blocked = await Promise.all(blocked.items.map((j) => api.get(`/jobs/${j.id}`)));
    });
  }

  /** The list, newest first; only the latest of overlapping loads is shown (one may start while another runs). */
  async loadApprovals() {
    const round = (this.round = (this.round ?? 0) + 1);
    const approvals = await this.act('Loading written approvals', () => api.all('/approvals'));
    if (approvals && round === this.round) {
      this.approvals = approvals.sort((a, b) => b.approvedAt.localeCompare(a.approvedAt));
    }
  }

  async useJob(job) {
    this.prefill = { jobId: job.id, escalation: this.prefill?.escalation };
    await this.updateComplete;
    this.querySelector('#dg-admin-approval-record-escalation')?.focus();
  }

  recorded(a) {
    this.loadApprovals();
    this.prefill = null;
    this.notice = `Recorded the written approval (${escalationLabel(a.escalation)}), valid until ${dateTime(a.validUntil)}.`;
  }

  revoked(a) {
    this.approvals = (this.approvals ?? []).map((x) => (x.id === a.id ? a : x));
    this.notice = 'The written approval is revoked: from now on it clears nothing.';
  }

  render() {
    return html`<h1>Written approvals</h1>
      <p class="hint">Uses the rules cannot clear on their own — a stock voice, a FINAL purpose, an estate grant,
        a model with unclean data terms — run only under an admin's written approval for the title or the job.</p>
      ${this.progressView()}
      ${this.problemView()}
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.blocked?.length ? this.blockedView() : nothing}
      <h2>Record a written approval</h2>
      <dg-admin-approval-record .prefill=${this.prefill} .titles=${this.titles} .models=${this.models}
        @recorded=${(e) => this.recorded(e.detail)}></dg-admin-approval-record>
      <h2>Recorded approvals</h2>
      ${this.approvals ? this.table() : nothing}`;
  }

  blockedView() {
    return html`<h2>Blocked jobs</h2>
      <p class="hint">The newest ten. A written approval clears only an escalation; a missing or revoked consent grant needs the agent.</p>
      <table>
        <thead><tr><th scope="col">Title</th><th scope="col">Job</th><th scope="col">Why it is blocked</th>
          <th scope="col">Action</th></tr></thead>
        <tbody>${this.blocked.map((j) => html`<tr>
          <td>${j.title}</td><td><code>${j.id}</code> (${j.purpose}, by ${j.createdBy})</td><td>${j.reason ?? ''}</td>
          <td><button type="button" class="secondary" aria-label=${`Record an approval for job ${j.id}`}
            @click=${() => this.useJob(j)}>Record an approval</button></td>
        </tr>`)}</tbody>
      </table>`;
  }

  table() {
    if (!this.approvals.length) return html`<p>No written approvals recorded yet.</p>`;
    return html`<table>
      <thead><tr><th scope="col">Escalation</th><th scope="col">Subject</th><th scope="col">Scope</th>
        <th scope="col">Approval</th><th scope="col">Valid until</th><th scope="col">Approved</th>
        <th scope="col">State</th><th scope="col">Revoke</th></tr></thead>
      <tbody>${repeat(this.approvals, (a) => a.id, (a) => {
        const state = approvalState(a);
        return html`<tr>
          <td>${escalationLabel(a.escalation)}</td>
          <td>${a.subject ?? '—'}</td>
          <td>${a.titleCode ? `title ${a.titleCode}` : html`job <code>${a.jobId}</code>`}</td>
          <td>${a.text}</td>
          <td>${dateTime(a.validUntil)}</td>
          <td>${dateTime(a.approvedAt)} by ${a.approvedBy}</td>
          <td class=${`state ${state.tone}`}>${state.text}</td>
          <td>${state.open ? html`<dg-admin-revocation prefix=${`dg-admin-approvals-${a.id}`}
            what=${`the approval ${a.id.slice(0, 8)}`} path=${`/approvals/${a.id}/revocation`}
            @revoked=${(e) => this.revoked(e.detail)}></dg-admin-revocation>` : nothing}</td>
        </tr>`;
      })}</tbody>
    </table>`;
  }
}
customElements.define('dg-admin-approvals', DgAdminApprovals);
