import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';

/** Titles (productions, episodes): consent and written approvals are scoped to them, so a job names one. */
export class DgManagerTitles extends DgPage {
  static properties = { ...DgPage.properties, titles: { state: true }, created: { state: true } };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  load() {
    return this.act('Loading titles', async () => { this.titles = await api.all('/titles'); });
  }

  async create(event) {
    event.preventDefault();
    const form = event.target;
    const data = new FormData(form);
    const title = await this.act('Creating the title', () => api.post('/titles',
      { code: data.get('code').trim(), name: data.get('name').trim() }));
    if (title) {
      this.created = title;
      form.reset();
      await this.load();
    }
  }

  field(name, label, hint) {
    const id = `mgr-title-${name}`;
    return html`<label for=${id}>${label}</label>
      ${hint ? html`<p class="hint" id=${`${id}-hint`}>${hint}</p>` : nothing}
      <input id=${id} name=${name} required
        aria-describedby=${ifDefined(this.describedBy(name) ?? (hint ? `${id}-hint` : undefined))}
        aria-invalid=${this.invalid(name)}>
      ${this.fieldError(name)}`;
  }

  render() {
    return html`<h1>Titles</h1>
      <p>Consent grants and written approvals name titles explicitly (R2), so every job is for one title.</p>
      ${this.progressView()}
      <h2>New title</h2>
      <form @submit=${this.create} aria-label="New title">
        ${this.field('code', 'Code', 'Letters, digits and . _ : - — e.g. NORTHWIND-S01E03; no wildcards.')}
        ${this.field('name', 'Name')}
        <div class="actions"><button type="submit" ?disabled=${!!this.working}>Create title</button></div>
      </form>
      ${this.problemView()}
      ${this.created ? html`<p class="notice" role="status">Title ${this.created.code} created.</p>` : nothing}
      <h2>All titles</h2>
      ${this.titles?.length ? html`<table>
        <thead><tr><th scope="col">Code</th><th scope="col">Name</th><th scope="col">Created by</th><th scope="col">Created</th></tr></thead>
        <tbody>${this.titles.map((t) => html`<tr><td>${t.code}</td><td>${t.name}</td><td>${t.createdBy}</td>
          <td>${dateTime(t.createdAt)}</td></tr>`)}</tbody></table>`
        : html`<p>${this.titles ? 'No titles yet.' : ''}</p>`}`;
  }
}
customElements.define('dg-manager-titles', DgManagerTitles);
