import { html, nothing } from 'lit';
import { styleMap } from 'lit/directives/style-map.js';
import WaveSurfer from 'wavesurfer.js';
import { DgElement } from '../base.js';
import { seconds } from '../ui/format.js';

/**
 * One audio a reviewer listens to, drawn as a waveform (wavesurfer.js), with a play/pause button
 * (the waveform itself takes mouse clicks to seek; the button is the keyboard's way). `spanFrom` and
 * `spanTo` (seconds in this audio) mark where the line is in an excerpt with context either side.
 * Starting one player pauses the others on the page (a `dg-play` event the page listens to).
 */
export class DgQaWaveform extends DgElement {
  static properties = {
    url: {},
    label: {},
    shortcut: {},
    spanFrom: { type: Number },
    spanTo: { type: Number },
    duration: { state: true },
    position: { state: true },
    playing: { state: true },
    failure: { state: true },
    ready: { state: true },
  };

  disconnectedCallback() {
    this.destroy();
    super.disconnectedCallback();
  }

  updated(changed) {
    if (changed.has('url')) this.load();
  }

  destroy() {
    this.ws?.destroy();
    this.ws = null;
  }

  load() {
    this.destroy();
    this.ready = false;
    this.failure = null;
    this.playing = false;
    this.position = 0;
    this.duration = null;
    const container = this.querySelector('.waveform');
    if (!this.url || !container) return;
    // the session cookie goes with this same-origin fetch; the blob it makes is what the player plays
    const ws = WaveSurfer.create({
      container, url: this.url, height: 72, waveColor: '#66768a', progressColor: '#0b5cad', cursorColor: '#c45200',
      cursorWidth: 2, normalize: true, dragToSeek: true, fetchParams: { credentials: 'same-origin' },
    });
    this.ws = ws;
    ws.on('ready', (d) => { this.ready = true; this.duration = d; });
    ws.on('timeupdate', (t) => { this.position = t; });
    ws.on('play', () => {
      this.playing = true;
      this.dispatchEvent(new CustomEvent('dg-play', { bubbles: true }));
    });
    ws.on('pause', () => { this.playing = false; });
    ws.on('finish', () => { this.playing = false; });
    ws.on('error', (e) => { this.failure = e?.message ?? String(e); });
  }

  /** Plays from where it stands, or pauses; from the start again once it has played to the end. */
  toggle() {
    if (!this.ws || !this.ready) return;
    if (!this.ws.isPlaying() && this.duration && this.position >= this.duration - 0.01) this.ws.setTime(0);
    this.ws.playPause();
  }

  pause() {
    if (this.ws?.isPlaying()) this.ws.pause();
  }

  spanView() {
    if (!this.duration || this.spanFrom === undefined || this.spanTo === undefined) return nothing;
    const left = Math.max(0, Math.min(100, (this.spanFrom / this.duration) * 100));
    const width = Math.max(0, Math.min(100 - left, ((this.spanTo - this.spanFrom) / this.duration) * 100));
    return html`<div class="qa-span" aria-hidden="true" style=${styleMap({ left: `${left}%`, width: `${width}%` })}>
      <span>line</span></div>`;
  }

  render() {
    const label = this.label ?? 'Audio';
    // only the loading state is announced: the playing time changes many times a second
    const status = this.failure ? html`<span class="bad">Could not load the audio: ${this.failure}</span>`
      : this.ready ? 'ready' : 'Loading…';
    return html`<div class="qa-player">
      <div class="qa-player-head">
        <strong>${label}</strong>
        <button type="button" class="secondary" ?disabled=${!this.ready} @click=${() => this.toggle()}
          aria-keyshortcuts=${this.shortcut === ' ' ? 'Space' : this.shortcut ?? nothing}>
          ${this.playing ? 'Pause' : 'Play'} ${label.toLowerCase()}</button>
        ${this.shortcut ? html`<kbd>${this.shortcut === ' ' ? 'Space' : this.shortcut}</kbd>` : nothing}
        <span class="hint">${this.ready ? `${seconds(this.position)} / ${seconds(this.duration)}` : nothing}</span>
        <span class="hint" role="status">${status}</span>
      </div>
      <div class="qa-wave-box">
        <div class="waveform" role="img" aria-label="Waveform: ${label}"></div>
        ${this.spanView()}
      </div>
    </div>`;
  }
}
customElements.define('dg-qa-waveform', DgQaWaveform);
