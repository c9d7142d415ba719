import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { navigate } from '../router.js';
import {
  grantBody, localErrors, expectedSigner, toLocalInput, descriptionAdvice, normalizeLanguage, normalizeTerritory,
  titleNormalizer,
} from './grant-model.js';
import {
  USES, PURPOSES, COMMON_LANGUAGES, COMMON_TERRITORIES, languageLabel, territoryLabel, titleLabel, titleNamesOf,
} from './names.js';
import { performerName, performerStatus } from './performer-model.js';
import './values.js';
import './evidence.js';

const LANGUAGE_SUGGESTIONS = COMMON_LANGUAGES.map((t) => ({ value: t, label: languageLabel(t) }));
const LOADING = 'Loading performers and titles';
const TERRITORY_SUGGESTIONS = COMMON_TERRITORIES.map((c) => ({ value: c, label: territoryLabel(c) }));

/**
 * Records a consent grant with every term the API takes (GrantRequest): the signed evidence, uses,
 * titles, languages, territories, purposes, the validity window, a specific description, the
 * compensation reference and who signed. The server checks every field at once; its messages show
 * next to the fields they name. A grant cannot be changed once recorded: a different scope is a new grant.
 */
export class DgAgentGrantForm extends DgPage {
  static properties = {
    ...DgPage.properties,
    performerId: { attribute: false },
    performers: { state: true },
    titles: { state: true },
    form: { state: true },
    notFound: { state: true },
  };

  constructor() {
    super();
    this.performers = [];
    this.titles = [];
    this.form = {
      performerId: '', evidenceId: '', uses: ['VOICE_SYNTHESIS'], titles: [], languages: [], territories: [],
      purposes: ['TEMP'], validFrom: toLocalInput(new Date()), validUntil: '', description: '', compensationReference: '',
      signedBy: '',
    };
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    // a grant for a named performer reads just that one: another agency's is "not found" (404)
    const id = this.performerId;
    const loaded = await this.act(LOADING, () => Promise.all([
      id ? api.get(`/performers/${encodeURIComponent(id)}`).then((p) => [p]) : api.all('/performers', { limit: 500 }),
      api.all('/titles', { limit: 500 })]));
    if (!loaded) {
      if (id && (this.error?.status === 404 || this.error?.status === 400)) this.notFound = true;
      return;
    }
    [this.performers, this.titles] = loaded;
    if (id) this.choosePerformer(id);
  }

  get performer() {
    return this.performers.find((p) => p.id === this.form.performerId);
  }

  /** A new performer changes who is expected to sign, unless the agent typed someone else. */
  choosePerformer(id) {
    const before = expectedSigner(this.performer);
    const next = this.performers.find((p) => p.id === id);
    const signedBy = !this.form.signedBy || this.form.signedBy === before ? expectedSigner(next) : this.form.signedBy;
    this.form = { ...this.form, performerId: id, signedBy };
  }

  setField(name, value) {
    this.form = { ...this.form, [name]: value };
  }

  toggle(name, value, on) {
    const values = this.form[name].filter((v) => v !== value);
    this.setField(name, on ? [...values, value] : values);
  }

  async submit(event) {
    event.preventDefault();
    // what is typed in a value field but not yet added still counts
    this.querySelectorAll('dg-agent-values').forEach((v) => v.commit());
    const local = localErrors(this.form);
    if (local.length) {
      this.error = new api.ApiError(400, { title: 'Check the form', detail: 'some values cannot be sent as they are', errors: local });
      return;
    }
    const body = grantBody(this.form);
    const grant = await this.act('Recording the grant', () => api.post('/grants', body));
    if (grant) navigate(`agent/performers/${grant.performerId}?recorded=${grant.id}`);
  }

  render() {
    if (this.notFound) {
      return html`<h1>Performer not found</h1>
        <p>Your agency has no performer with this id. <a href="#/agent/performers">Back to the performers</a>.</p>`;
    }
    const p = this.performer;
    const errors = this.error?.fieldErrors ?? {};
    const names = titleNamesOf(this.titles);
    return html`<h1>Record a consent grant${this.performerId && p ? html` for ${performerName(p)}` : nothing}</h1>
      <p>A grant records what the performer agreed to, for named productions only. It cannot be changed once recorded:
        a wider or different scope is a new grant.
        ${p ? html`<a href="#/agent/performers/${p.id}">Back to ${performerName(p)}</a>` : nothing}</p>
      <form @submit=${this.submit} aria-label="Consent grant" novalidate class="dg-agent-grant-form">
        ${this.performerView(p)}
        <dg-agent-evidence .evidenceId=${this.form.evidenceId} .formErrors=${errors}
          @evidence-changed=${(e) => this.setField('evidenceId', e.detail)}></dg-agent-evidence>
        ${this.choices('uses', 'Uses permitted (at least one)', USES)}
        ${this.choices('purposes', 'Purposes (at least one)', PURPOSES)}
        <fieldset>
          <legend>Productions, languages and territories</legend>
          <dg-agent-values name="titles" label="Titles (explicit title codes, at least one)" noun="title"
            hint="Each production or episode by its code; no wildcards." .values=${this.form.titles} .errors=${errors}
            .suggestions=${this.titles.map((t) => ({ value: t.code, label: t.name }))}
            .normalize=${titleNormalizer(names.keys())} .describe=${(c) => titleLabel(c, names)}
            @values-changed=${(e) => this.setField('titles', e.detail)}></dg-agent-values>
          <dg-agent-values name="languages" label="Languages (BCP 47 tags, at least one)" noun="language"
            hint="“es” covers every Spanish (es-ES, es-419 …); “es-419” covers Latin American Spanish only."
            .values=${this.form.languages} .errors=${errors} .suggestions=${LANGUAGE_SUGGESTIONS}
            .normalize=${normalizeLanguage} .describe=${languageLabel}
            @values-changed=${(e) => this.setField('languages', e.detail)}></dg-agent-values>
          <dg-agent-values name="territories" label="Territories (country codes or WORLDWIDE, at least one)"
            noun="territory" .values=${this.form.territories} .errors=${errors} .suggestions=${TERRITORY_SUGGESTIONS}
            .normalize=${normalizeTerritory} .describe=${territoryLabel}
            @values-changed=${(e) => this.setField('territories', e.detail)}></dg-agent-values>
        </fieldset>
        <fieldset>
          <legend>Validity (UTC)</legend>
          ${this.field('validFrom', 'Valid from (UTC)', { type: 'datetime-local', hint: 'Inclusive.' })}
          ${this.field('validUntil', 'Valid until (UTC)', { type: 'datetime-local', hint: 'Exclusive: the grant ends at this moment.' })}
        </fieldset>
        <fieldset>
          <legend>Terms</legend>
          ${this.field('description', 'Description of the intended use (required)', {
            textarea: true, hint: descriptionAdvice(this.form.description) })}
          ${this.field('compensationReference', 'Compensation reference (required)', {
            hint: 'How the performer is paid for this use: a contract or payment reference.' })}
          ${this.field('signedBy', 'Signed by', { hint: p?.deceased
            ? `A deceased performer’s consent is signed by the estate’s representative (${p.estateRepresentative ?? 'none on record'}).`
            : 'A living performer signs their own consent; left empty, their legal name is recorded.' })}
        </fieldset>
        <div class="actions">
          <button type="submit" ?disabled=${!!this.working}>Record grant</button>
          <a class="button secondary" href=${p ? `#/agent/performers/${p.id}` : '#/agent/performers'}>Cancel</a>
        </div>
      </form>
      ${this.progressView()}
      ${this.problemView()}`;
  }

  performerView(p) {
    const estate = p?.deceased ? html`<p class="notice" role="note">An estate grant: ${performerName(p)} is deceased, so the
      estate’s representative signs, and every use under this grant also needs an admin’s written approval.</p>` : nothing;
    if (this.performerId) {
      return html`<dl class="facts"><dt>Performer</dt><dd>${p ? `${performerName(p)}, ${performerStatus(p).toLowerCase()}` : ''}</dd></dl>
        ${estate}`;
    }
    return html`<label for="dg-agent-grant-performer">Performer (required)</label>
      <select id="dg-agent-grant-performer" name="performerId" .value=${this.form.performerId}
        aria-describedby=${ifDefined(this.describedBy('performerId'))} aria-invalid=${this.invalid('performerId')}
        @change=${(e) => this.choosePerformer(e.target.value)}>
        <option value="" ?selected=${!this.form.performerId}>Choose a performer…</option>
        ${this.performers.map((x) => html`<option value=${x.id} ?selected=${x.id === this.form.performerId}>${performerName(x)}</option>`)}
      </select>
      ${this.fieldError('performerId')}
      ${estate}`;
  }

  /** A group of checkboxes for a list field (uses, purposes); the server's message shows under the group. */
  choices(name, legend, options) {
    return html`<fieldset aria-describedby=${ifDefined(this.describedBy(name))}>
      <legend>${legend}</legend>
      ${options.map((o) => html`<div class="dg-agent-check">
        <input type="checkbox" id=${`dg-agent-grant-${name}-${o.value}`} name=${name} value=${o.value}
          .checked=${this.form[name].includes(o.value)} aria-invalid=${this.invalid(name)}
          @change=${(e) => this.toggle(name, o.value, e.target.checked)}>
        <label for=${`dg-agent-grant-${name}-${o.value}`}>${o.label}</label>
      </div>`)}
      ${this.fieldError(name)}
    </fieldset>`;
  }

  field(name, label, { type = 'text', hint, textarea = false } = {}) {
    const id = `dg-agent-grant-${name}`;
    const describedBy = [hint ? `${id}-hint` : null, this.describedBy(name)].filter(Boolean).join(' ') || undefined;
    const input = textarea
      ? html`<textarea id=${id} name=${name} .value=${this.form[name]} aria-describedby=${ifDefined(describedBy)}
          aria-invalid=${this.invalid(name)} @input=${(e) => this.setField(name, e.target.value)}></textarea>`
      : html`<input id=${id} name=${name} type=${type} .value=${this.form[name]} autocomplete="off"
          aria-describedby=${ifDefined(describedBy)} aria-invalid=${this.invalid(name)}
          @input=${(e) => this.setField(name, e.target.value)}>`;
    return html`<label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      ${input}
      ${this.fieldError(name)}`;
  }
}
customElements.define('dg-agent-grant-form', DgAgentGrantForm);
