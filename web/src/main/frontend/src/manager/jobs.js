import { html } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { dateTime } from '../ui/format.js';
import { JOB_STATES, tone } from './job-progress.js';

/** Jobs, newest first, of one state or all; a page of 50 at a time. */
export class DgManagerJobs extends DgPage {
  static properties = {
    ...DgPage.properties, jobs: { state: true }, next: { state: true }, state: { state: true }, titleFilter: { state: true },
  };

  constructor() {
    super();
    this.state = '';
    this.titleFilter = '';
  }

  connectedCallback() {
    super.connectedCallback();
    this.load();
  }

  load(after) {
    return this.act('Loading jobs', async () => {
      const page = await api.get('/jobs', { state: this.state, title: this.titleFilter, after, limit: 50 });
      this.jobs = after ? [...this.jobs, ...page.items] : page.items;
      this.next = page.next;
    });
  }

  filter(event) {
    event.preventDefault();
    const d = new FormData(event.target);
    this.state = d.get('state');
    this.titleFilter = d.get('title').trim();
    this.load();
  }

  render() {
    return html`<h1>Jobs</h1>
      <p><a class="button" href="#/manager/new-job">New job</a></p>
      <form class="inline" @submit=${this.filter} aria-label="Filter jobs">
        <div><label for="mgr-jobs-state">State</label><br>
          <select id="mgr-jobs-state" name="state">
            <option value="" ?selected=${!this.state}>Any state</option>
            ${JOB_STATES.map((s) => html`<option value=${s} ?selected=${this.state === s}>${s}</option>`)}
          </select></div>
        <div><label for="mgr-jobs-title">Title code</label><br>
          <input id="mgr-jobs-title" name="title" .value=${this.titleFilter}></div>
        <button type="submit" class="secondary">Show</button>
      </form>
      ${this.progressView()}
      ${this.problemView()}
      ${this.jobs?.length ? html`<table class="dg-manager-jobs">
        <thead><tr><th scope="col">Job</th><th scope="col">Title</th><th scope="col">State</th><th scope="col">Purpose</th>
          <th scope="col">Languages</th><th scope="col">Progress</th><th scope="col">Submitted</th></tr></thead>
        <tbody>${this.jobs.map((j) => html`<tr>
          <td><a href=${`#/manager/jobs/${j.id}`}>Job ${j.id.slice(0, 8)}</a></td>
          <td>${j.title}</td>
          <td><span class="state ${tone(j.state)}">${j.state}</span>${j.reason ? html`<br><span class="hint">${j.reason}</span>` : ''}</td>
          <td>${j.purpose}</td><td>${j.languages.join(', ')}</td>
          <td class="dg-manager-percent"><progress max="100" .value=${j.progressPercent} aria-label=${`Job ${j.id.slice(0, 8)} progress`}></progress>
            ${j.progressPercent} %</td>
          <td>${dateTime(j.createdAt)} by ${j.createdBy}</td></tr>`)}</tbody></table>
        ${this.next ? html`<button type="button" class="secondary" @click=${() => this.load(this.next)}>More jobs</button>` : ''}`
        : html`<p>${this.jobs ? 'No jobs match.' : ''}</p>`}`;
  }
}
customElements.define('dg-manager-jobs', DgManagerJobs);
