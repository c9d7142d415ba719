import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { dataTerms, modelState } from './words.js';

/** The model registry: every model, newest first, with its state and data terms; pending ones are the admin's queue. */
export class DgAdminModels extends DgPage {
  static properties = { ...DgPage.properties, models: { state: true }, next: { state: true }, show: { state: true } };

  constructor() {
    super();
    this.show = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  /** The first page of the chosen state (the API lists newest first), or the next one after the shown ones. */
  async load(more = false) {
    const show = this.show;
    const page = await this.act('Loading the registry',
      () => api.get('/models', { status: show, after: more ? this.next : undefined, limit: 50 }));
    if (!page || show !== this.show) return; // a newer choice is loading
    this.models = more ? [...this.models, ...page.items] : page.items;
    this.next = page.next;
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
        <select id="dg-admin-models-show" @change=${(e) => { this.show = e.target.value; this.load(); }}>
          <option value="">All models</option>
          <option value="PENDING">Pending approval</option>
          <option value="APPROVED">Approved</option>
          <option value="REVOKED">Revoked</option>
        </select>
      </form>
      ${this.models ? this.table(this.models) : nothing}
      ${this.next ? html`<p><button type="button" class="secondary" @click=${() => this.load(true)}>More models</button></p>`
        : nothing}`;
  }

  table(models) {
    if (!models.length) return html`<p>${this.show ? 'No model is in this state.' : 'The registry is empty.'}</p>`;
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
