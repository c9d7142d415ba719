import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { navigate } from '../router.js';
import { seconds } from '../ui/format.js';
import { QUEUE_KEYS, actionFor } from './keys.js';
import { KNOWN_FLAGS, filtersOf, itemLabel, routeWith, sortItems } from './review.js';
import { progressView, shortcutsView } from './item-views.js';
import { takeFlash } from './flash.js';

/** A job back at work after review: a reviewer asked for some of its lines to be made again. */
/** Event streams the queue keeps open at most (see follow). */
const MAX_STREAMS = 3;

const rerendering = (j) => j.state === 'RUNNING' && Object.keys(j.reviewItems ?? {}).length > 0;

/** A job as the filter offers it: several jobs may dub one title. */
const jobName = (j) => `${j.title} (job ${j.id.slice(0, 8)})`;

const STATE_WORDS = { IN_REVIEW: 'In review', RUNNING: 'Re-rendering' };

/**
 * The QA queue: every open item (of the jobs in review), filterable by job, flag and language, in
 * reviewing order; and each job's progress — how many of its items are decided — including jobs whose
 * lines are being made again, whose new versions appear here when they are made.
 */
export class DgQaQueue extends DgPage {
  static properties = {
    ...DgPage.properties,
    items: { state: true },
    jobs: { state: true },
    filters: { state: true },
    notice: { state: true },
  };

  constructor() {
    super();
    this.onHash = () => {
      if (!location.hash.startsWith('#/qa/queue')) return;
      const f = filtersOf(location.hash);
      if (JSON.stringify(f) !== JSON.stringify(this.filters)) this.load();
    };
    this.onKey = (e) => this.key(e);
  }

  connectedCallback() {
    super.connectedCallback();
    window.addEventListener('hashchange', this.onHash);
    document.addEventListener('keydown', this.onKey);
    this.notice = takeFlash();
    this.load();
  }

  disconnectedCallback() {
    window.removeEventListener('hashchange', this.onHash);
    document.removeEventListener('keydown', this.onKey);
    this.follow([]);
    clearTimeout(this.pending);
    super.disconnectedCallback();
  }

  /**
   * Listens to the job-events stream of each job being re-rendered and loads the queue again when one
   * moves on, so its new lines appear as they are made, without polling. At most MAX_STREAMS at once:
   * each holds one of the browser's few connections to the server (HTTP/1.1), which the API calls need.
   */
  follow(ids) {
    const jobIds = ids.slice(0, MAX_STREAMS);
    this.streams ??= new Map();
    for (const [id, stream] of this.streams) {
      if (!jobIds.includes(id)) {
        stream.close();
        this.streams.delete(id);
      }
    }
    for (const id of jobIds) {
      if (this.streams.has(id)) continue;
      const stream = new EventSource(`${api.BASE}/jobs/${encodeURIComponent(id)}/events`);
      const reload = () => {
        clearTimeout(this.pending);
        this.pending = setTimeout(() => this.load(true), 200);
      };
      stream.addEventListener('progress', reload);
      stream.addEventListener('end', () => { stream.close(); this.streams.delete(id); reload(); });
      this.streams.set(id, stream);
    }
  }

  /** Loads the queue; `quiet` when a job's event asks for it: no progress bar, the page kept as it is. */
  async load(quiet = false) {
    // the filters shown change with the items they select, not before them
    const filters = filtersOf(location.hash);
    const fetch = async () => {
      // the jobs first, then the items: items read after a job's state are never older than it. The list
      // carries each job's review counts; a job being re-rendered is RUNNING with items already.
      const [inReview, running] = await Promise.all([api.all('/jobs', { state: 'IN_REVIEW', limit: 100 }, 2),
        api.all('/jobs', { state: 'RUNNING', limit: 100 }, 2)]);
      const jobs = [...inReview, ...running.filter(rerendering)];
      if (filters.job && !jobs.some((j) => j.id === filters.job)) {
        jobs.push(await api.get(`/jobs/${encodeURIComponent(filters.job)}`));
      }
      const items = await api.all('/review-items', { state: 'OPEN', ...filters, limit: 500 }, 10);
      return { items, jobs };
    };
    this.loads = (this.loads ?? 0) + 1;
    const load = this.loads;
    const loaded = quiet ? await fetch().catch(() => null) : await this.act('Loading the queue', fetch);
    // left, or a newer load (another filter, a later event) began meanwhile: this answer is stale
    if (!this.isConnected || load !== this.loads || (!loaded && quiet)) return;
    this.filters = filters;
    if (!loaded) {
      this.items = []; // the error says why; the items of other filters would mislead
      return;
    }
    this.items = sortItems(loaded.items);
    this.jobs = loaded.jobs.sort((a, b) => a.title.localeCompare(b.title) || a.createdAt.localeCompare(b.createdAt));
    this.follow(this.jobs.filter(rerendering).map((j) => j.id));
  }

  applyFilters(event) {
    event.preventDefault();
    const form = Object.fromEntries(new FormData(event.target));
    this.notice = null;
    navigate(routeWith('qa/queue', form));
  }

  key(e) {
    const action = actionFor(QUEUE_KEYS, e);
    if (!action) return;
    const links = [...this.querySelectorAll('a.qa-item-link')];
    if (!links.length) return;
    const at = links.indexOf(document.activeElement);
    const to = action === 'next' ? (at < 0 ? 0 : Math.min(at + 1, links.length - 1)) : (at < 0 ? links.length - 1 : Math.max(at - 1, 0));
    links[to].focus();
    e.preventDefault();
  }

  jobTitle(id) {
    const job = this.jobs?.find((j) => j.id === id);
    return job ? jobName(job) : `job ${id.slice(0, 8)}`;
  }

  filterForm() {
    const f = this.filters ?? {};
    const flags = [...new Set([...KNOWN_FLAGS, ...(this.items ?? []).flatMap((i) => i.flags ?? []), f.flag].filter(Boolean))];
    const languages = [...new Set([...(this.jobs ?? []).flatMap((j) => j.languages ?? (j.targets ?? []).map((t) => t.language)), f.language]
      .filter(Boolean))].sort();
    const select = (name, label, options, any) => html`<div>
      <label for="qa-filter-${name}">${label}</label><br>
      <select id="qa-filter-${name}" name=${name} aria-describedby=${ifDefined(this.describedBy(name))}
        aria-invalid=${this.invalid(name)}>
        <option value="" ?selected=${!f[name]}>${any}</option>
        ${options.map(([value, text]) => html`<option value=${value} ?selected=${f[name] === value}>${text}</option>`)}
      </select>${this.fieldError(name)}</div>`;
    return html`<form class="inline" @submit=${(e) => this.applyFilters(e)} aria-label="Filter the queue">
      ${select('job', 'Job', (this.jobs ?? []).map((j) => [j.id, jobName(j)]), 'Every job in review')}
      ${select('flag', 'Flag', flags.map((x) => [x, x]), 'Any flag or none')}
      ${select('language', 'Language', languages.map((x) => [x, x]), 'Every language')}
      <button type="submit">Apply filters</button>
      ${Object.keys(f).length ? html`<a class="button secondary" href="#/qa/queue">Clear filters</a>` : nothing}
      <button type="button" class="secondary" @click=${() => this.load()}>Refresh</button>
    </form>`;
  }

  itemsView() {
    const items = this.items ?? [];
    const f = this.filters ?? {};
    return html`<section aria-labelledby="qa-open-title">
      <h2 id="qa-open-title">Open items (${items.length})</h2>
      ${items.length ? html`<table>
        <thead><tr><th scope="col">Item</th><th scope="col">Job</th><th scope="col">Text</th><th scope="col">Span</th>
          <th scope="col">Flags</th><th scope="col">Round</th></tr></thead>
        <tbody>${items.map((i) => html`<tr>
          <td><a class="qa-item-link" href="#/${routeWith(`qa/items/${i.id}`, f)}">${itemLabel(i)}</a></td>
          <td>${this.jobTitle(i.jobId)}</td>
          <td>${i.text ?? html`<span class="hint">the whole mix</span>`}</td>
          <td>${i.start !== undefined ? `${seconds(i.start)}\u00a0–\u00a0${seconds(i.end)}` : ''}</td>
          <td>${i.flags?.length ? html`<strong class="bad">${i.flags.join(', ')}</strong>` : html`<span class="hint">none</span>`}</td>
          <td>${i.round}</td>
        </tr>`)}</tbody></table>`
        : html`<p>No open item${Object.keys(f).length ? ' matches these filters' : ''}.</p>`}
    </section>`;
  }

  jobsView() {
    const only = this.filters?.job;
    const jobs = (this.jobs ?? []).filter((j) => !only || j.id === only);
    return html`<section aria-labelledby="qa-progress-title">
      <h2 id="qa-progress-title">Progress per job</h2>
      ${jobs.length ? html`<table>
        <thead><tr><th scope="col">Job</th><th scope="col">State</th><th scope="col">Round</th>
          <th scope="col">Decided</th><th scope="col">Note</th></tr></thead>
        <tbody>${jobs.map((j) => html`<tr>
          <th scope="row"><a href="#/${routeWith('qa/queue', { job: j.id })}">${jobName(j)}</a></th>
          <td class="state ${j.state === 'IN_REVIEW' ? '' : 'warn'}">${STATE_WORDS[j.state] ?? j.state}</td>
          <td>${j.round}</td>
          <td>${progressView(j, `qa-progress-${j.id}`)}</td>
          <td>${rerendering(j) ? 'Lines are being made again; their new versions appear here for review.'
            : j.reason ?? ''}</td>
        </tr>`)}</tbody></table>` : html`<p>No job is in review.</p>`}
    </section>`;
  }

  render() {
    return html`<h1>Review queue</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.filterForm()}
      ${this.progressView()}${this.problemView()}
      ${this.itemsView()}
      ${this.jobsView()}
      ${shortcutsView(QUEUE_KEYS, 'qa-queue-keys')}`;
  }
}
customElements.define('dg-qa-queue', DgQaQueue);
