import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { joinIds, modelBody, readForm } from './forms.js';
import { EXECUTION_SITES } from './words.js';
import { navigate } from '../router.js';

const P = 'dg-admin-model-register';
// the engines this server runs itself; the registry takes their artifacts and version from the engine
const INSTALLED = ['espeak-ng', 'flite'];

/** Registering a model (PENDING): what it is, where its artifact is, its licence and data terms; then its page. */
export class DgAdminModelRegister extends DgPage {
  async submit(event) {
    event.preventDefault();
    const body = modelBody(readForm(new FormData(event.target)));
    const model = await this.act(`Registering ${body.name ?? 'the model'} and hashing its artifact`,
      () => api.post('/models', body));
    if (model) navigate(`admin/models/${model.id}`);
  }

  input(name, label, hint, attrs = {}) {
    const id = `${P}-${name}`;
    return html`<label for=${id}>${label}</label>
      <input id=${id} name=${name} list=${ifDefined(attrs.list)} ?required=${attrs.required}
        aria-invalid=${this.invalid(name)} aria-describedby=${ifDefined(joinIds(this.describedBy(name), hint && `${id}-hint`))}>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : ''}
      ${this.fieldError(name)}`;
  }

  // a select, not two radios: an unanswered question stays visibly unanswered, and it is one Tab stop
  yesNo(name, question) {
    return this.select(name, question, [{ name: 'true', label: 'Yes' }, { name: 'false', label: 'No' }]);
  }

  select(name, label, options) {
    const id = `${P}-${name}`;
    return html`<label for=${id}>${label}</label>
      <select id=${id} name=${name} required aria-invalid=${this.invalid(name)}
        aria-describedby=${ifDefined(this.describedBy(name))}>
        <option value="">Choose…</option>
        ${options.map((o) => html`<option value=${o.name}>${o.label}</option>`)}
      </select>
      ${this.fieldError(name)}`;
  }

  render() {
    return html`<h1>Register a model</h1>
    <p><a href="#/admin/models">The registry</a></p>
    <p class="hint">It is registered pending: the server hashes its artifact now, and it runs only once approved.</p>
    <form @submit=${this.submit} aria-label="Register a model" novalidate>
      ${this.input('name', 'Name', '', { required: true })}
      ${this.select('kind', 'Kind', [{ name: 'VOICE', label: 'Voice (speech synthesis)' }, { name: 'LIP_SYNC', label: 'Lip-sync' }])}
      ${this.input('engine', 'Engine', `Installed on this server: ${INSTALLED.join(', ')}.`, { required: true, list: `${P}-engines` })}
      <datalist id=${`${P}-engines`}>${INSTALLED.map((e) => html`<option value=${e}></option>`)}</datalist>
      ${this.input('version', 'Version', 'Leave empty for an installed engine: the server asks the engine.')}
      ${this.input('artifactLocation', 'Artifact location on the server',
        'The binary, voice data or weights the server hashes (several paths joined by “:”). Leave empty for an '
        + 'installed engine: the server hashes exactly the files it runs.')}
      ${this.input('licence', 'Licence', 'Unknown licences keep the model from being approved without a written approval.')}
      <label for=${`${P}-trainingData`}>Training data</label>
      <textarea id=${`${P}-trainingData`} name="trainingData" aria-invalid=${this.invalid('trainingData')}
        aria-describedby=${ifDefined(this.describedBy('trainingData'))}></textarea>
      ${this.fieldError('trainingData')}
      ${this.yesNo('trainingDataLicensed', 'Is the training data licensed?')}
      ${this.yesNo('storesInputs', 'Does it store inputs (production data)?')}
      ${this.yesNo('trainsOnInputs', 'Does it train on inputs?')}
      ${this.select('executionSite', 'Where it runs', EXECUTION_SITES)}
      <div class="actions"><button type="submit" ?disabled=${!!this.working}>Register the model</button></div>
    </form>
    ${this.progressView()}
    ${this.problemView()}`;
  }
}
customElements.define('dg-admin-model-register', DgAdminModelRegister);
