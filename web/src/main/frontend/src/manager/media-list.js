// Media records in words: a list row (GET /media) as a choice in the job form, a probe's streams
// (GET /media/{id}). No DOM here, so node tests cover it.

/** A list row as an option: "bbaf2n.mpg — 0:03.00, 2 audio channels, 01/12/2026, 16:19:26 UTC". */
export function mediaLabel(m, { seconds, dateTime }) {
  const parts = [m.name];
  const facts = [];
  if (m.durationSeconds !== undefined && m.durationSeconds !== null) facts.push(seconds(m.durationSeconds));
  if (m.audioChannels) facts.push(`${m.audioChannels} audio channel${m.audioChannels === 1 ? '' : 's'}`);
  else if (m.state === 'READY') facts.push('no audio');
  if (m.state && m.state !== 'READY') facts.push(m.state);
  if (m.createdAt) facts.push(dateTime(m.createdAt));
  return facts.length ? `${parts[0]} — ${facts.join(', ')}` : parts[0];
}

/** The source a new job starts with: the newest READY picture. */
export function defaultSource(media) {
  return media.find((m) => m.state === 'READY' && (m.declaredType ?? '').startsWith('video/'));
}

/** One stream of a probe in words: "video mpeg1video 360×288 at 25 fps", "audio mp2 44100 Hz stereo (2 channels)". */
export function streamText(s) {
  const parts = [s.type, s.codec];
  if (s.width && s.height) parts.push(`${s.width}×${s.height}`);
  if (s.frameRate) parts.push(`at ${Math.round(s.frameRate * 100) / 100} fps`);
  if (s.sampleRate) parts.push(`${s.sampleRate} Hz`);
  if (s.channels) parts.push(`${s.channelLayout ? `${s.channelLayout} ` : ''}(${s.channels} channel${s.channels === 1 ? '' : 's'})`);
  if (s.language) parts.push(`language ${s.language}`);
  return parts.filter(Boolean).join(' ');
}

/** Whether the server is still probing it. */
export const pending = (media) => media?.state === 'PENDING';
