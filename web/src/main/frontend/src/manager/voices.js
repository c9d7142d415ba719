import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';

const blankToUndefined = (v) => (v === null || String(v).trim() === '' ? undefined : String(v).trim());

/**
 * Voices a cast can use: a performer's voice on a VOICE model from the registry, or a stock voice that
 * stands for no performer (R4: it needs an admin's written approval per job or title). Defining a
 * voice grants nothing; the consent gate decides each use.
 */
export class DgManagerVoices extends DgPage {
  static properties = {
    ...DgPage.properties, voices: { state: true }, models: { state: true }, performers: { state: true },
    created: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  load() {
    return this.act('Loading voices', async () => {
      const [voices, models, performers] = await Promise.all([api.all('/voices'), api.all('/models'),
        api.all('/performers')]);
      this.voices = voices.sort((a, b) => a.name.localeCompare(b.name));
      this.models = models.filter((m) => m.kind === 'VOICE');
      this.performers = performers;
    });
  }

  async define(event) {
    event.preventDefault();
    const form = event.target;
    const d = new FormData(form);
    const number = (k) => (blankToUndefined(d.get(k)) === undefined ? undefined : Number(d.get(k)));
    const voice = await this.act('Defining the voice', () => api.post('/voices', {
      name: blankToUndefined(d.get('name')), modelId: blankToUndefined(d.get('modelId')),
      performerId: blankToUndefined(d.get('performerId')), engineVoice: blankToUndefined(d.get('engineVoice')),
      pitchPercent: number('pitchPercent'), ratePercent: number('ratePercent'),
    }));
    if (voice) {
      this.created = voice;
      form.reset();
      await this.load();
    }
  }

  modelName(id) {
    const m = this.models?.find((x) => x.id === id);
    return m ? `${m.name} ${m.version ?? ''}`.trim() : id;
  }

  performerName(id) {
    const p = this.performers?.find((x) => x.id === id);
    return p ? p.stageName ?? p.legalName : id;
  }

  /** aria-describedby for an input with a hint and maybe an error. */
  described(name, hintId) {
    return ifDefined([this.describedBy(name), hintId].filter(Boolean).join(' ') || undefined);
  }

  render() {
    return html`<h1>Voices</h1>
      ${this.progressView()}
      <h2>Define a voice</h2>
      <form @submit=${this.define} aria-label="Define a voice">
        <label for="mgr-voice-name">Name</label>
        <input id="mgr-voice-name" name="name" required aria-describedby=${this.described('name')}
          aria-invalid=${this.invalid('name')}>
        ${this.fieldError('name')}
        <label for="mgr-voice-model">Voice model</label>
        <select id="mgr-voice-model" name="modelId" required aria-describedby=${this.described('modelId')}
          aria-invalid=${this.invalid('modelId')}>
          <option value="">Choose a model</option>
          ${(this.models ?? []).map((m) => html`<option value=${m.id}>${m.name} (${m.engine} ${m.version ?? ''}, ${m.status})</option>`)}
        </select>
        ${this.fieldError('modelId')}
        <label for="mgr-voice-performer">Performer</label>
        <p class="hint" id="mgr-voice-performer-hint">A stock voice stands for no performer; each use needs an admin’s
          written approval.</p>
        <select id="mgr-voice-performer" name="performerId"
          aria-describedby=${this.described('performerId', 'mgr-voice-performer-hint')}
          aria-invalid=${this.invalid('performerId')}>
          <option value="">None — a stock voice</option>
          ${(this.performers ?? []).map((p) => html`<option value=${p.id}>${p.stageName ?? p.legalName}
            (${p.legalName}, ${p.agency})</option>`)}
        </select>
        ${this.fieldError('performerId')}
        <label for="mgr-voice-engine">Engine voice (optional)</label>
        <p class="hint" id="mgr-voice-engine-hint">The engine’s own voice name, e.g. slt for flite; left empty, the engine
          picks one for each language. A voice on these engines is a voice choice with pitch and rate matched to the
          performer — not a clone.</p>
        <input id="mgr-voice-engine" name="engineVoice"
          aria-describedby=${this.described('engineVoice', 'mgr-voice-engine-hint')} aria-invalid=${this.invalid('engineVoice')}>
        ${this.fieldError('engineVoice')}
        <label for="mgr-voice-pitch">Pitch (%)</label>
        <input id="mgr-voice-pitch" name="pitchPercent" type="number" placeholder="100"
          aria-describedby=${this.described('pitchPercent')} aria-invalid=${this.invalid('pitchPercent')}>
        ${this.fieldError('pitchPercent')}
        <label for="mgr-voice-rate">Rate (%)</label>
        <input id="mgr-voice-rate" name="ratePercent" type="number" placeholder="100"
          aria-describedby=${this.described('ratePercent')} aria-invalid=${this.invalid('ratePercent')}>
        ${this.fieldError('ratePercent')}
        <div class="actions"><button type="submit" ?disabled=${!!this.working}>Define voice</button></div>
      </form>
      ${this.problemView()}
      ${this.created ? html`<p class="notice" role="status">Voice ${this.created.name} defined.</p>` : nothing}
      <h2>All voices</h2>
      ${this.voices?.length ? html`<table>
        <thead><tr><th scope="col">Name</th><th scope="col">Performer</th><th scope="col">Model</th>
          <th scope="col">Engine voice</th><th scope="col">Pitch</th><th scope="col">Rate</th><th scope="col">Defined</th></tr></thead>
        <tbody>${this.voices.map((v) => html`<tr><td>${v.name}</td>
          <td>${v.stock ? html`<span class="warn">stock voice (no performer)</span>` : this.performerName(v.performerId)}</td>
          <td>${this.modelName(v.modelId)}</td><td>${v.engineVoice ?? 'engine default'}</td>
          <td>${v.pitchPercent} %</td><td>${v.ratePercent} %</td><td>${dateTime(v.createdAt)} by ${v.createdBy}</td>
        </tr>`)}</tbody></table>` : html`<p>${this.voices ? 'No voices yet.' : ''}</p>`}`;
  }
}
customElements.define('dg-manager-voices', DgManagerVoices);
