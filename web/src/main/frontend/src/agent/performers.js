import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { performerStatus } from './performer-model.js';

/** The agency's performers (the server lists only the caller's agency), with links to each and to add one. */
export class DgAgentPerformers extends DgPage {
  static properties = {
    ...DgPage.properties,
    performers: { state: true },
  };

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  async load() {
    const performers = await this.act('Loading performers', () => api.all('/performers', { limit: 500 }));
    if (performers) this.performers = performers;
  }

  render() {
    return html`<h1>Performers</h1>
      <p>The performers your agency represents. Open one to see their consent grants and every use of their voice or
        likeness.</p>
      <p class="actions">
        <a class="button" href="#/agent/performers/new">Add a performer</a>
        <a class="button secondary" href="#/agent/grants/new">Record a grant</a>
      </p>
      ${this.progressView()}
      ${this.problemView()}
      ${this.performers ? this.table() : nothing}`;
  }

  table() {
    if (!this.performers.length) {
      return html`<p>No performers yet. <a href="#/agent/performers/new">Add the first one</a>.</p>`;
    }
    const sorted = [...this.performers].sort((a, b) => a.legalName.localeCompare(b.legalName));
    return html`<table>
      <caption class="dg-agent-caption">${sorted.length} performer${sorted.length === 1 ? '' : 's'}</caption>
      <thead><tr><th scope="col">Legal name</th><th scope="col">Stage name</th><th scope="col">Status</th>
        <th scope="col">Registered</th><th scope="col">Actions</th></tr></thead>
      <tbody>${sorted.map((p) => html`<tr>
        <th scope="row"><a href="#/agent/performers/${p.id}">${p.legalName}</a></th>
        <td>${p.stageName ?? '—'}</td>
        <td>${performerStatus(p)}</td>
        <td>${dateTime(p.createdAt)}</td>
        <td><a href="#/agent/performers/${p.id}/edit" aria-label=${`Edit ${p.legalName}`}>Edit</a>
          · <a href="#/agent/performers/${p.id}/grants/new" aria-label=${`Record a grant for ${p.legalName}`}>Record a grant</a></td>
      </tr>`)}</tbody>
    </table>`;
  }
}
customElements.define('dg-agent-performers', DgAgentPerformers);
