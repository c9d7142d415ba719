import { html, nothing } from 'lit';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { navigate } from '../router.js';
import { ITEM_KEYS, actionFor } from './keys.js';
import { filtersOf, itemLabel, neighbours, routeWith } from './review.js';
import { checksView, decisionView, factsView, progressView, shortcutsView } from './item-views.js';
import { flash, takeFlash } from './flash.js';
import './waveform.js';
import './verdict.js';

/** What a verdict means for the job, said after it is given. */
const AFTER = {
  APPROVED: 'Approved',
  REJECTED: 'Rejected (the job is held with the note once its other items are decided)',
  RERENDER: 'Re-render asked (the line is made again once no item of its job is open)',
};

/** Open items the next/previous links choose from: the queue's filters, every page. */
const openItems = (filters) => api.all('/review-items', { state: 'OPEN', ...filters, limit: 500 }, 10);

/**
 * One review item: the line's waveform beside the original and the mix over the same span, the text,
 * character, span, what made it, every check with its figure, and the verdict; after a verdict the
 * reviewer lands on the next open item of the queue (same filters). Keyboard shortcuts in keys.js.
 */
export class DgQaItem extends DgPage {
  static properties = {
    ...DgPage.properties,
    itemId: {},
    item: { state: true },
    job: { state: true },
    output: { state: true },
    around: { state: true },
    notice: { state: true },
  };

  constructor() {
    super();
    this.onKey = (e) => this.key(e);
    this.onPlay = (e) => this.querySelectorAll('dg-qa-waveform').forEach((w) => w !== e.target && w.pause());
  }

  connectedCallback() {
    super.connectedCallback();
    document.addEventListener('keydown', this.onKey);
    this.addEventListener('dg-play', this.onPlay);
  }

  disconnectedCallback() {
    document.removeEventListener('keydown', this.onKey);
    this.removeEventListener('dg-play', this.onPlay);
    super.disconnectedCallback();
  }

  willUpdate(changed) {
    if (changed.has('itemId')) this.load();
  }

  async load() {
    this.filters = filtersOf(location.hash);
    this.notice = takeFlash();
    const id = this.itemId;
    const loaded = await this.act('Loading the item', async () => {
      const item = await api.get(`/review-items/${encodeURIComponent(id)}`);
      const [job, open, output] = await Promise.all([api.get(`/jobs/${item.jobId}`), openItems(this.filters),
        item.outputId ? api.get(`/jobs/${item.jobId}/outputs/${item.outputId}`).catch(() => null) : null]);
      return { item, job, open, output };
    });
    if (id !== this.itemId || !loaded) return; // another item was asked for meanwhile, or the error is shown
    Object.assign(this, { item: loaded.item, job: loaded.job, output: loaded.output,
      around: { ...neighbours(loaded.open, loaded.item), open: loaded.open.length } });
    await this.updateComplete;
    // after a verdict or j/k the old focus is gone: start from the new item's heading
    if (!this.contains(document.activeElement)) this.querySelector('h1')?.focus();
  }

  routeOf(item) {
    return routeWith(`qa/items/${item.id}`, this.filters);
  }

  async decided(e) {
    const item = e.detail;
    const next = await this.act('Finding the next open item', async () => neighbours(await openItems(this.filters), item).next);
    if (next === undefined) return;
    const said = `${AFTER[item.state] ?? item.state}: ${itemLabel(item)}.`;
    if (next) {
      flash(said);
      navigate(this.routeOf(next));
    } else {
      flash(`${said} No open item is left in this queue.`);
      navigate(routeWith('qa/queue', this.filters));
    }
  }

  player(which) {
    return this.querySelector(`dg-qa-waveform[data-audio="${which}"]`) ?? this.querySelector(`audio[data-audio="${which}"]`);
  }

  toggle(which) {
    const p = this.player(which);
    if (!p) return false;
    if (p instanceof HTMLMediaElement) {
      if (p.paused) p.play().catch(() => {}); else p.pause();
    } else {
      p.toggle();
    }
    return true;
  }

  key(e) {
    if (!this.item || e.defaultPrevented) return;
    const action = actionFor(ITEM_KEYS, e);
    if (!action || e.repeat) return;
    const verdict = this.querySelector('dg-qa-verdict');
    const done = {
      next: () => this.around?.next && (navigate(this.routeOf(this.around.next)), true),
      previous: () => this.around?.previous && (navigate(this.routeOf(this.around.previous)), true),
      approve: () => verdict && !verdict.mode && (verdict.approve(), true),
      reject: () => verdict && (verdict.open('reject'), true),
      rerender: () => verdict && this.item.kind === 'LINE' && (verdict.open('rerender'), true),
      cancel: () => verdict?.mode && (verdict.cancel(), true),
      'play-line': () => this.toggle(this.item.kind === 'LINE' ? 'line' : 'mix'),
      'play-mix': () => this.toggle('mix'),
      'play-original': () => this.toggle('original'),
    }[action]();
    // a key that did something does nothing else (r must not type an r into the note it opens)
    if (done) e.preventDefault();
  }

  listenView() {
    const i = this.item;
    const links = i.links ?? {};
    if (i.kind === 'SHOT') {
      const span = { from: 2, to: 2 + (i.end - i.start) };
      return html`<section aria-labelledby="qa-listen-title"><h2 id="qa-listen-title">Look and listen</h2>
        ${links.still && !i.shot?.quarantined ? html`<figure class="qa-still">
            <img src=${links.still} alt="The face in the shot: the source picture on the left, lip-synced on the right">
            <figcaption>Before (left) and after (right), at the widest re-drawn opening</figcaption></figure>`
          : html`<p>The altered picture is no longer served (quarantined).</p>`}
        <dg-qa-waveform data-audio="mix" label="In context (mix)" shortcut="c" .url=${links.mix}
          .spanFrom=${span.from} .spanTo=${span.to}></dg-qa-waveform>
        <dg-qa-waveform data-audio="original" label="Original" shortcut="o" .url=${links.original}
          .spanFrom=${span.from} .spanTo=${span.to}></dg-qa-waveform>
      </section>`;
    }
    if (i.kind !== 'LINE') {
      return html`<section aria-labelledby="qa-listen-title"><h2 id="qa-listen-title">Listen</h2>
        ${links.mix ? html`<label for="qa-mix-audio">The whole ${i.language} mix this check is about</label>
          <audio id="qa-mix-audio" data-audio="mix" controls preload="none" src=${links.mix}></audio>
          <p class="hint">Space plays or pauses it.</p>` : html`<p>The mix is no longer available.</p>`}
      </section>`;
    }
    const span = { from: 2, to: 2 + (i.end - i.start) }; // excerpts start 2 s before the line
    return html`<section aria-labelledby="qa-listen-title"><h2 id="qa-listen-title">Listen</h2>
      ${links.line ? html`<dg-qa-waveform data-audio="line" label="Line" shortcut=" " .url=${links.line}></dg-qa-waveform>`
        : html`<p>The line's audio is not served (quarantined).</p>`}
      <dg-qa-waveform data-audio="mix" label="In context (mix)" shortcut="c" .url=${links.mix}
        .spanFrom=${span.from} .spanTo=${span.to}></dg-qa-waveform>
      <dg-qa-waveform data-audio="original" label="Original" shortcut="o" .url=${links.original}
        .spanFrom=${span.from} .spanTo=${span.to}></dg-qa-waveform>
      <p class="hint">The mix and the original run from 2 s before the line to 2 s after it; the line's span is marked.</p>
    </section>`;
  }

  navView() {
    const a = this.around ?? {};
    return html`<nav class="qa-item-nav" aria-label="Review items">
      <a href="#/${routeWith('qa/queue', this.filters)}">Back to the queue</a>
      ${a.previous ? html`<a href="#/${this.routeOf(a.previous)}" aria-keyshortcuts="k">Previous open item <kbd>k</kbd></a>` : nothing}
      ${a.next ? html`<a href="#/${this.routeOf(a.next)}" aria-keyshortcuts="j">Next open item <kbd>j</kbd></a>` : nothing}
      <span class="hint">${a.open ?? 0} open in this queue</span>
    </nav>`;
  }

  render() {
    const i = this.item;
    if (!i || i.id !== this.itemId) {
      return html`<h1>Review item</h1>${this.progressView()}${this.problemView()}`;
    }
    const reviewing = i.state === 'OPEN' && this.job?.state === 'IN_REVIEW';
    return html`
      ${this.navView()}
      <h1 tabindex="-1">Review: ${itemLabel(i)}</h1>
      ${this.notice ? html`<p class="notice" role="status">${this.notice}</p>` : nothing}
      ${this.progressView()}${this.problemView()}
      <p class="qa-job-progress">Job ${this.job?.title}: ${progressView(this.job, 'qa-item-progress')}</p>
      ${factsView(i, this.job, this.output)}
      ${this.listenView()}
      ${checksView(i)}
      ${reviewing ? html`<dg-qa-verdict .item=${i} @dg-decided=${(e) => this.decided(e)}></dg-qa-verdict>`
        : i.state === 'OPEN' ? html`<p class="notice">The job is ${this.job?.state}: verdicts are given while it is
          IN_REVIEW.</p>` : decisionView(i)}
      ${shortcutsView(ITEM_KEYS, 'qa-item-keys')}`;
  }
}
customElements.define('dg-qa-item', DgQaItem);
