import { keyed } from 'lit/directives/keyed.js';
import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { approvalBody, joinIds, readForm } from './forms.js';
import { ESCALATIONS } from './words.js';

const P = 'dg-admin-approval-record';

/**
 * Recording a written approval of an escalated use (R4): the escalation and its subject, one scope
 * (a title or a job), the approval's text and its expiry. `prefill` ({escalation, subject, jobId}) comes
 * from a link (a model's page) or a blocked job. Fires `recorded`.
 */
export class DgAdminApprovalRecord extends DgPage {
  static properties = {
    ...DgPage.properties,
    round: { state: true },
    prefill: { attribute: false },
    titles: { attribute: false },
    models: { attribute: false },
    escalation: { state: true },
    scope: { state: true },
  };

  constructor() {
    super();
    this.scope = 'title';
    this.escalation = '';
  }

  willUpdate(changed) {
    if (changed.has('prefill') && this.prefill) {
      this.escalation = this.prefill.escalation ?? this.escalation;
      if (this.prefill.jobId) this.scope = 'job';
    }
  }

  async submit(event) {
    event.preventDefault();
    const body = approvalBody(readForm(new FormData(event.target)), ESCALATIONS);
    const approval = await this.act('Recording the written approval', () => api.post('/approvals', body));
    if (approval) {
      // a fresh form (keyed): reset() would leave the bound checkboxes and radios out of step
      this.round = (this.round ?? 0) + 1;
      this.escalation = '';
      this.scope = 'title';
      this.dispatchEvent(new CustomEvent('recorded', { detail: approval, bubbles: true }));
    }
  }

  field(name, label, { hint, type = 'text', list, value } = {}) {
    const id = `${P}-${name}`;
    return html`<label for=${id}>${label}</label>
      <input id=${id} name=${name} type=${type} list=${ifDefined(list)} .value=${value ?? ''} required
        aria-invalid=${this.invalid(name)} aria-describedby=${ifDefined(joinIds(this.describedBy(name), hint && `${id}-hint`))}>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${this.fieldError(name)}`;
  }

  render() {
    const kind = ESCALATIONS.find((e) => e.name === this.escalation);
    const pre = this.prefill ?? {};
    return html`${keyed(this.round, html`<form @submit=${this.submit} aria-label="Record a written approval" novalidate>
      <label for=${`${P}-escalation`}>Escalation</label>
      <select id=${`${P}-escalation`} name="escalation" required .value=${this.escalation}
        @change=${(e) => { this.escalation = e.target.value; }}
        aria-invalid=${this.invalid('escalation')} aria-describedby=${ifDefined(this.describedBy('escalation'))}>
        <option value="" ?selected=${!this.escalation}>Choose…</option>
        ${ESCALATIONS.map((e) => html`<option value=${e.name} ?selected=${e.name === this.escalation}>${e.label}</option>`)}
      </select>
      ${this.fieldError('escalation')}
      ${!kind || kind.subject ? this.field('subject', kind?.subject ?? 'Subject', {
        value: pre.subject, list: kind?.name === 'MODEL_DATA_TERMS' ? `${P}-models` : undefined,
        hint: 'The character (stock voice), the performer id (estate grant) or the model id (data terms) it clears.' }) : nothing}
      <datalist id=${`${P}-models`}>${(this.models ?? []).map((m) => html`<option value=${m.id}>${m.name}</option>`)}</datalist>
      <label for=${`${P}-scope`}>Scope</label>
      <select id=${`${P}-scope`} name="scope" @change=${(e) => { this.scope = e.target.value; }}>
        <option value="title" ?selected=${this.scope === 'title'}>One title</option>
        <option value="job" ?selected=${this.scope === 'job'}>One job</option>
      </select>
      ${this.scope === 'job'
        ? this.field('jobId', 'Job id', { value: pre.jobId })
        : this.field('titleCode', 'Title code', { list: `${P}-titles`, hint: 'One explicit title: no wildcards (R2).' })}
      <datalist id=${`${P}-titles`}>${(this.titles ?? []).map((t) => html`<option value=${t.code}>${t.name}</option>`)}</datalist>
      <label for=${`${P}-text`}>The written approval</label>
      <textarea id=${`${P}-text`} name="text" required aria-invalid=${this.invalid('text')}
        aria-describedby=${joinIds(this.describedBy('text'), `${P}-text-hint`)}></textarea>
      <p class="hint" id=${`${P}-text-hint`}>What is approved and why, in at least 20 characters.</p>
      ${this.fieldError('text')}
      ${this.field('validUntil', 'Valid until (through the end of that day, UTC)', { type: 'date' })}
      <div class="actions"><button type="submit" ?disabled=${!!this.working}>Record the approval</button></div>
    </form>`)}
    ${this.progressView()}
    ${this.problemView()}`;
  }
}
customElements.define('dg-admin-approval-record', DgAdminApprovalRecord);
