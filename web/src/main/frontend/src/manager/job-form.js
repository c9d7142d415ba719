import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { navigate } from '../router.js';
import {
  LOUDNESS_PROFILES, PURPOSES, castFor, charactersOf, consentReport, formatOfFileName, newIdempotencyKey, newJobForm,
  newTarget, planFieldToFormField, renameProblemFields, scriptAccepted, toJobRequest, toPlanInput,
} from './job-request.js';
import { defaultSource } from './media-list.js';
import { mediaOptions, targetSection } from './target-section.js';

const PROFILE_WORDS = {
  STREAMING: 'Streaming: dialogue −27 LKFS ±2, true peak ≤ −2 dBTP',
  EBU_R128: 'EBU R128: programme −23 LUFS ±1, true peak ≤ −1 dBTP',
  ATSC_A85: 'ATSC A/85: programme −24 LKFS ±2, true peak ≤ −2 dBTP',
};

/**
 * A new dubbing job: title, media, territory, purpose, priority, loudness; per target language the
 * script (read by the server before anything is submitted) and the cast. "Check consent" runs the
 * gate as a dry run and lists every violation; "Submit" sends the job once (the form's own
 * Idempotency-Key makes a repeated click or a retried request return the same job).
 */
export class DgManagerJobForm extends DgPage {
  static properties = {
    ...DgPage.properties, form: { state: true }, titles: { state: true }, voices: { state: true },
    performers: { state: true }, media: { state: true }, consent: { state: true },
  };

  constructor() {
    super();
    this.form = newJobForm();
    this.idempotencyKey = newIdempotencyKey();
    this.media = [];
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  load() {
    return this.act('Loading the form', async () => {
      const [titles, voices, performers, media] = await Promise.all([api.all('/titles'), api.all('/voices'),
        api.all('/performers'), api.all('/media', { state: 'READY' })]);
      this.titles = titles;
      this.voices = voices.sort((a, b) => a.name.localeCompare(b.name));
      this.performers = performers;
      this.media = media;
      if (!this.form.sourceMediaId) this.form.sourceMediaId = defaultSource(media)?.id ?? '';
    });
  }

  performerName(id) {
    const p = this.performers?.find((x) => x.id === id);
    return p ? p.stageName ?? p.legalName : 'performer';
  }

  mediaOptions(selected) {
    return mediaOptions(this.media, selected);
  }

  /** Every edit makes an earlier consent check stale. */
  changed() {
    this.consent = null;
    this.requestUpdate();
  }

  set(field, value) {
    this.form = { ...this.form, [field]: value };
    this.changed();
  }

  setTarget(i, patch) {
    Object.assign(this.form.targets[i], patch);
    this.changed();
  }

  setCast(i, k, patch) {
    Object.assign(this.form.targets[i].cast[k], patch);
    this.changed();
  }

  addTarget() {
    this.form.targets.push(newTarget());
    this.changed();
  }

  removeTarget(i) {
    this.form.targets.splice(i, 1);
    this.changed();
  }

  async importScript(i, file) {
    if (!file) return;
    const text = await file.text();
    const target = this.form.targets[i];
    this.setTarget(i, { fileName: file.name, text, preview: null, format: formatOfFileName(file.name) || target.format });
    // the same file may be chosen again once it is fixed
    this.querySelector(`#mgr-job-t${i}-script`).value = '';
    if (this.form.targets[i].format) await this.preview(i);
  }

  async setFormat(i, format) {
    this.setTarget(i, { format });
    if (format && this.form.targets[i].text) await this.preview(i);
  }

  /** The server reads the script as a submission would: its cues, or every problem with its line. */
  async preview(i) {
    const t = this.form.targets[i];
    const preview = await this.act(`Reading ${t.fileName}`, async () => {
      try {
        return await api.post('/script-previews', { format: t.format, text: t.text });
      } catch (e) {
        // the preview names its fields script.format and script.text, as a job's targets[i].script.* are named
        throw renamed(e, (f) => `targets[${i}].${f}`);
      }
    });
    // another file or format for this target, or a target removed, while it was read: this answer is stale
    if (!preview || this.form.targets[i] !== t && (this.form.targets[i]?.text !== t.text
      || this.form.targets[i]?.format !== t.format)) return;
    const cast = scriptAccepted({ preview }) ? castFor(charactersOf(preview.cues), t.cast) : [];
    this.setTarget(i, { preview, cast });
  }

  async checkConsent() {
    const voicesById = Object.fromEntries((this.voices ?? []).map((v) => [v.id, v]));
    const check = await this.act('Checking consent', async () => {
      try {
        return await api.post('/consent-checks', toPlanInput(this.form, voicesById));
      } catch (e) {
        throw renamed(e, planFieldToFormField);
      }
    });
    this.consent = check ? consentReport(check) : null;
  }

  async submit(event) {
    event.preventDefault();
    const job = await this.act('Submitting the job', () => api.post('/jobs', toJobRequest(this.form),
      { 'Idempotency-Key': this.idempotencyKey }));
    if (job) navigate(`manager/jobs/${job.id}`);
  }

  /** aria-describedby: the field's error and its hint. */
  described(name, hint) {
    return ifDefined([this.describedBy(name), hint].filter(Boolean).join(' ') || undefined);
  }

  select(name, label, options, { hint, field = name } = {}) {
    const id = `mgr-job-${field}`;
    return html`<label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      <select id=${id} name=${name} @change=${(e) => this.set(field, e.target.value)}
        aria-describedby=${this.described(name, hint ? `${id}-hint` : undefined)} aria-invalid=${this.invalid(name)}>
        ${options}
      </select>${this.fieldError(name)}`;
  }

  input(name, label, { hint, type = 'text', ...attrs } = {}) {
    const id = `mgr-job-${name}`;
    return html`<label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      <input id=${id} name=${name} type=${type} .value=${String(this.form[name] ?? '')} min=${ifDefined(attrs.min)}
        max=${ifDefined(attrs.max)} @input=${(e) => this.set(name, e.target.value)}
        aria-describedby=${this.described(name, hint ? `${id}-hint` : undefined)} aria-invalid=${this.invalid(name)}>
      ${this.fieldError(name)}`;
  }

  render() {
    const f = this.form;
    const option = (value, text, current) => html`<option value=${value} ?selected=${current === value}>${text}</option>`;
    const media = (field) => [option('', field === 'sourceMediaId' ? 'Choose the source' : 'None', f[field]),
      ...this.mediaOptions(f[field])];
    return html`<h1>New dubbing job</h1>
      ${this.progressView()}
      <form class="job-form" @submit=${this.submit} aria-label="New dubbing job" novalidate>
        <fieldset><legend>The job</legend>
          ${this.select('title', 'Title', [option('', 'Choose a title', f.title),
            ...(this.titles ?? []).map((t) => option(t.code, `${t.code} — ${t.name}`, f.title))])}
          <p class="hint">Media are offered once probed READY (upload them on <a href="#/manager/media">Media</a>).</p>
          ${this.select('sourceMediaId', 'Source media (picture and sound)', media('sourceMediaId'))}
          ${this.select('mneMediaId', 'M&E stem (optional)', media('mneMediaId'),
            { hint: 'Music and effects without dialogue: the dub is mixed over it.' })}
          ${this.select('dialogueMediaId', 'Original dialogue stem (optional)', media('dialogueMediaId'),
            { hint: 'Needed with an M&E stem when a character is kept ORIGINAL.' })}
          ${this.input('originalLanguage', 'Original language (optional)', { hint: 'What the source is spoken in, e.g. en.' })}
          ${this.input('territory', 'Territory', { hint: 'An ISO 3166-1 alpha-2 country code (e.g. ES) or WORLDWIDE.' })}
          ${this.select('purpose', 'Purpose', PURPOSES.map((p) => option(p, p === 'TEMP'
            ? 'TEMP — temporary, internal review only' : 'FINAL — for delivery (needs written approval)', f.purpose)),
            { hint: 'R6: a job is TEMP unless FINAL is asked for and cleared.' })}
          ${this.input('priority', 'Priority', { type: 'number', min: 1, max: 10, hint: '1 (lowest) to 10 (highest).' })}
          ${this.select('delivery.profile', 'Delivery loudness profile',
            LOUDNESS_PROFILES.map((p) => option(p, PROFILE_WORDS[p], f.profile)), { field: 'profile' })}
        </fieldset>
        ${f.targets.map((t, i) => targetSection(this, t, i))}
        ${this.fieldError('targets')}
        <div class="actions">
          <button type="button" class="secondary" @click=${this.addTarget}>Add a target language</button>
        </div>
        <div class="actions">
          <button type="button" class="secondary" ?disabled=${!!this.working} @click=${this.checkConsent}>Check consent</button>
          <button type="submit" ?disabled=${!!this.working}>Submit job</button>
        </div>
      </form>
      ${this.consentView()}
      ${this.problemView()}`;
  }

  consentView() {
    const c = this.consent;
    if (!c) return nothing;
    return html`<section class=${c.allowed ? 'notice' : 'problem'} role="status" aria-labelledby="mgr-job-consent"
      data-testid="consent-report">
      <h2 id="mgr-job-consent">${c.allowed ? 'Consent check: the job would be allowed'
        : `Consent check: the job would be blocked (${c.violations.length} violation${c.violations.length === 1 ? '' : 's'})`}</h2>
      ${c.violations.length ? html`<ul class="violations">${c.violations.map((v) => html`<li>${v}</li>`)}</ul>` : nothing}
      ${c.uses.length ? html`<h3>Uses</h3><ul>${c.uses.map((u) => html`<li>${u}</li>`)}</ul>` : nothing}
      ${c.models.length ? html`<h3>Models</h3><ul>${c.models.map((m) => html`<li>${m}</li>`)}</ul>` : nothing}
      ${c.escalations.length ? html`<h3>Escalations</h3><ul>${c.escalations.map((e) => html`<li>${e}</li>`)}</ul>` : nothing}
    </section>`;
  }
}

/** The same failure with its field paths renamed onto the form's. */
function renamed(e, rename) {
  if (!(e instanceof api.ApiError)) return e;
  return new api.ApiError(e.status, renameProblemFields(e.problem, rename));
}

customElements.define('dg-manager-job-form', DgManagerJobForm);
