import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { dataTerms, modelState } from './words.js';

/** The model registry: every model, newest first, with its state and data terms; pending ones are the admin's queue. */
export class DgAdminModels extends DgPage {
  static properties = { ...DgPage.properties, models: { state: true }, show: { state: true } };

  constructor() {
    super();
    this.show = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const models = await this.act('Loading the registry', () => api.all('/models'));
    // the API lists by id; newest first is the order an admin looks for
    if (models) this.models = models.sort((a, b) => b.registeredAt.localeCompare(a.registeredAt));
  }

  render() {
    return html`<h1>Model registry</h1>
      <p class="hint">A model runs only when it is approved here and its artifact still hashes to the registered SHA-256 (R5).</p>
      <p><a class="button" href="#/admin/models/new">Register a model</a></p>
      ${this.progressView()}
      ${this.problemView()}
      <h2>Models</h2>
      <form class="inline" aria-label="Which models" @submit=${(e) => e.preventDefault()}>
        <label for="dg-admin-models-show">Show</label>
        <select id="dg-admin-models-show" @change=${(e) => { this.show = e.target.value; }}>
          <option value="">All models</option>
          <option value="PENDING">Pending approval</option>
          <option value="APPROVED">Approved</option>
          <option value="REVOKED">Revoked</option>
        </select>
      </form>
      ${this.models ? this.table(this.models.filter((m) => !this.show || m.status === this.show)) : nothing}`;
  }

  table(models) {
    if (!models.length) return html`<p>${this.models.length ? 'No model is in this state.' : 'The registry is empty.'}</p>`;
    return html`<table>
      <thead><tr><th scope="col">Model</th><th scope="col">Kind</th><th scope="col">Engine and version</th>
        <th scope="col">State</th><th scope="col">Data terms</th><th scope="col">Registered</th></tr></thead>
      <tbody>${models.map((m) => {
        const state = modelState(m);
        return html`<tr>
          <th scope="row"><a href=${`#/admin/models/${m.id}`}>${m.name}</a></th>
          <td>${m.kind}</td>
          <td>${m.engine} ${m.version}</td>
          <td class=${`state ${state.tone}`}>${state.text}</td>
          <td>${dataTerms(m)}</td>
          <td>${dateTime(m.registeredAt)} by ${m.registeredBy}</td>
        </tr>`;
      })}</tbody>
    </table>`;
  }
}
customElements.define('dg-admin-models', DgAdminModels);
