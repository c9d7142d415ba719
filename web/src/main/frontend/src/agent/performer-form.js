import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { navigate } from '../router.js';
import { performerBody, performerForm } from './performer-model.js';

/**
 * Adds a performer to the caller's agency, or edits one (performerId set). A deceased performer's
 * consent comes from their estate, so the form asks for the estate's representative then (R3).
 */
export class DgAgentPerformerForm extends DgPage {
  static properties = {
    ...DgPage.properties,
    performerId: { attribute: false },
    form: { state: true },
    notFound: { state: true },
  };

  constructor() {
    super();
    this.form = performerForm(null);
  }

  updated(changed) {
    if (changed.has('performerId')) this.load();
  }

  async load() {
    this.notFound = false;
    this.form = performerForm(null);
    if (!this.performerId) return;
    const p = await this.act('Loading the performer', () => api.get(`/performers/${encodeURIComponent(this.performerId)}`));
    if (p) this.form = performerForm(p);
    else if (this.error?.status === 404 || this.error?.status === 400) this.notFound = true;
  }

  setField(name, value) {
    this.form = { ...this.form, [name]: value };
  }

  async save(event) {
    event.preventDefault();
    const body = performerBody(this.form);
    const saved = await this.act(this.performerId ? 'Saving the performer' : 'Adding the performer', () => (this.performerId
      ? api.put(`/performers/${encodeURIComponent(this.performerId)}`, body)
      : api.post('/performers', body)));
    if (saved) navigate(`agent/performers/${saved.id}`);
  }

  input(name, label, { hint, disabled = false, autocomplete = 'off' } = {}) {
    const id = `dg-agent-performer-${name}`;
    const describedBy = [hint ? `${id}-hint` : null, this.describedBy(name)].filter(Boolean).join(' ') || undefined;
    return html`<label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      <input id=${id} name=${name} .value=${this.form[name]} ?disabled=${disabled} autocomplete=${autocomplete}
        aria-describedby=${ifDefined(describedBy)} aria-invalid=${this.invalid(name)}
        @input=${(e) => this.setField(name, e.target.value)}>
      ${this.fieldError(name)}`;
  }

  render() {
    const editing = Boolean(this.performerId);
    if (this.notFound) {
      return html`<h1>Performer not found</h1>
        <p>Your agency has no performer with this id. <a href="#/agent/performers">Back to the performers</a>.</p>`;
    }
    return html`<h1>${editing ? `Edit ${this.form.legalName || 'performer'}` : 'Add a performer'}</h1>
      <p><a href="#/agent/performers">Back to the performers</a>${editing
        ? html` · <a href="#/agent/performers/${this.performerId}">Back to the performer</a>` : nothing}</p>
      <form @submit=${this.save} aria-label=${editing ? 'Performer details' : 'New performer'} novalidate>
        ${this.input('legalName', 'Legal name (required)', { hint: 'As on the consent documents: a living performer signs with it.' })}
        ${this.input('stageName', 'Stage name', { hint: 'Optional; credits and reports use it.' })}
        <div class="dg-agent-check">
          <input type="checkbox" id="dg-agent-performer-deceased" name="deceased" .checked=${this.form.deceased}
            aria-describedby=${ifDefined(this.describedBy('deceased'))}
            @change=${(e) => this.setField('deceased', e.target.checked)}>
          <label for="dg-agent-performer-deceased">Deceased: consent comes from the estate</label>
        </div>
        ${this.fieldError('deceased')}
        ${this.form.deceased
          ? this.input('estateRepresentative', 'Estate representative (required for a deceased performer)', {
            hint: 'The person who signs for the estate. Every grant of a deceased performer is signed by them and also '
              + 'needs an admin’s written approval.' })
          : nothing}
        <div class="actions">
          <button type="submit" ?disabled=${!!this.working}>${editing ? 'Save changes' : 'Add performer'}</button>
          <a class="button secondary" href=${editing ? `#/agent/performers/${this.performerId}` : '#/agent/performers'}>Cancel</a>
        </div>
      </form>
      ${this.progressView()}
      ${this.problemView()}`;
  }
}
customElements.define('dg-agent-performer-form', DgAgentPerformerForm);
