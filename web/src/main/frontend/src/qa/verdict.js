import { html, nothing } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { DgPage } from '../ui/page.js';
import * as api from '../api.js';
import { verdictRequest } from './review.js';

/**
 * The verdict on one OPEN item: approve at once; reject with a note for the manager; or, for a line,
 * re-render with a note and an edited text and/or rate, pitch and tempo limit. The server checks the
 * rules (a note needed, something changed, only a line made again) and its field errors show next to
 * their fields. A decided item is announced as a `dg-decided` event carrying the item as it is now.
 */
export class DgQaVerdict extends DgPage {
  static properties = {
    ...DgPage.properties,
    item: { attribute: false },
    mode: { state: true },
  };

  willUpdate(changed) {
    if (changed.has('item') && changed.get('item')?.id !== this.item?.id) {
      this.mode = null;
      this.error = null;
    }
  }

  /** Opens the note form of a rejection or the edit form of a re-render, its first field focused. */
  async open(mode) {
    if (mode === 'rerender' && this.item?.kind !== 'LINE') return;
    this.mode = mode;
    this.error = null;
    await this.updateComplete;
    this.querySelector(mode === 'rerender' ? '#qa-verdict-text' : '#qa-verdict-note')?.focus();
  }

  cancel() {
    if (!this.mode) return;
    this.mode = null;
    this.error = null;
    this.updateComplete.then(() => this.querySelector(`#qa-${this.lastMode ?? 'approve'}`)?.focus());
  }

  approve() {
    return this.send('APPROVED', {});
  }

  async send(verdict, values) {
    // one verdict per item: until the page shows the next item, keys and buttons do nothing
    if (this.working || this.decidedId === this.item.id) return;
    const { body, errors } = verdictRequest(verdict, values, this.item);
    if (errors.length) {
      this.error = new api.ApiError(400, { title: 'Check the form', detail: 'some values are not numbers', errors });
      return;
    }
    const decided = await this.act(verdict === 'APPROVED' ? 'Approving' : verdict === 'REJECTED' ? 'Rejecting'
      : 'Asking for a re-render', () => api.post(`/review-items/${this.item.id}/verdict`, body));
    if (decided) {
      this.decidedId = this.item.id;
      this.dispatchEvent(new CustomEvent('dg-decided', { bubbles: true, detail: decided }));
    }
  }

  submit(event, verdict) {
    event.preventDefault();
    this.send(verdict, Object.fromEntries(new FormData(event.target)));
  }

  field(name, label, input, hint) {
    return html`<label for="qa-verdict-${name}">${label}</label>
      ${hint ? html`<p class="hint" id="qa-hint-${name}">${hint}</p>` : nothing}
      ${input}
      ${this.fieldError(name)}`;
  }

  /** aria-describedby: the hint, and the field's error when it has one. */
  describe(name, hint) {
    return ifDefined([hint ? `qa-hint-${name}` : null, this.describedBy(name)].filter(Boolean).join(' ') || undefined);
  }

  noteField(why) {
    return this.field('note', 'Note', html`<textarea id="qa-verdict-note" name="note" required
      aria-describedby=${this.describe('note', true)} aria-invalid=${this.invalid('note')}></textarea>`, why);
  }

  number(name, label, hint, attrs) {
    return this.field(name, label, html`<input id="qa-verdict-${name}" name=${name} type="number" inputmode="decimal"
      min=${attrs.min} max=${attrs.max} step=${attrs.step} placeholder=${attrs.placeholder}
      aria-describedby=${this.describe(name, true)} aria-invalid=${this.invalid(name)}>`, hint);
  }

  rejectForm() {
    return html`<form class="qa-verdict-form" novalidate @submit=${(e) => this.submit(e, 'REJECTED')}
      aria-labelledby="qa-reject-title">
      <h3 id="qa-reject-title">Reject</h3>
      ${this.noteField('Required: why the item is not fit, for the manager. A rejection holds the job.')}
      <div class="actions">
        <button type="submit" class="danger" ?disabled=${!!this.working}>Reject with this note</button>
        <button type="button" class="secondary" @click=${() => this.cancel()}>Cancel <kbd>Esc</kbd></button>
      </div>
    </form>`;
  }

  rerenderForm() {
    return html`<form class="qa-verdict-form" novalidate @submit=${(e) => this.submit(e, 'RERENDER')}
      aria-labelledby="qa-rerender-title">
      <h3 id="qa-rerender-title">Edit and re-render</h3>
      ${this.field('text', 'Text of the line', html`<textarea id="qa-verdict-text" name="text"
        aria-describedby=${this.describe('text', true)} aria-invalid=${this.invalid('text')}
        .value=${this.item.text ?? ''}></textarea>`,
        'Edit the words to be spoken (a shorter adaptation fits an overflowing line); left as it is, only the settings change.')}
      ${this.noteField('Required: what is wrong and what the new version should do.')}
      <div class="qa-numbers">
        <div>${this.number('ratePercent', 'Rate (%)', '50 to 200 % of normal speed; empty keeps the voice’s',
          { min: 50, max: 200, step: 1, placeholder: '100' })}</div>
        <div>${this.number('pitchPercent', 'Pitch (%)', '50 to 200 % of the voice’s default; empty keeps it',
          { min: 50, max: 200, step: 1, placeholder: '100' })}</div>
        <div>${this.number('maxTempo', 'Max tempo', 'time-fit speed-up limit, 1.0 to 1.5; empty keeps the job’s',
          { min: 1, max: 1.5, step: 0.05, placeholder: '1.25' })}</div>
      </div>
      <div class="actions">
        <button type="submit" ?disabled=${!!this.working}>Re-render this line</button>
        <button type="button" class="secondary" @click=${() => this.cancel()}>Cancel <kbd>Esc</kbd></button>
      </div>
    </form>`;
  }

  render() {
    if (!this.item) return nothing;
    if (this.mode) this.lastMode = this.mode;
    const line = this.item.kind === 'LINE';
    return html`<section aria-labelledby="qa-verdict-title" class="qa-verdict">
      <h2 id="qa-verdict-title">Verdict</h2>
      <div class="actions">
        <button type="button" id="qa-approve" ?disabled=${!!this.working} aria-keyshortcuts="a"
          @click=${() => this.approve()}>Approve <kbd>a</kbd></button>
        <button type="button" id="qa-reject" class="secondary" aria-expanded=${this.mode === 'reject' ? 'true' : 'false'}
          aria-keyshortcuts="r" @click=${() => this.open('reject')}>Reject… <kbd>r</kbd></button>
        ${line ? html`<button type="button" id="qa-rerender" class="secondary" aria-keyshortcuts="e"
          aria-expanded=${this.mode === 'rerender' ? 'true' : 'false'}
          @click=${() => this.open('rerender')}>Edit and re-render… <kbd>e</kbd></button>` : nothing}
      </div>
      ${this.mode === 'reject' ? this.rejectForm() : this.mode === 'rerender' ? this.rerenderForm() : nothing}
      ${this.progressView()}
      ${this.problemView()}
    </section>`;
  }
}
customElements.define('dg-qa-verdict', DgQaVerdict);
