import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultSource, mediaLabel, streamText, pending } from '../src/manager/media-list.js';
import { dateTime, seconds } from '../src/ui/format.js';

const AT = '2026-12-01T16:19:26Z';
const CLIP = { id: 'a', name: 'bbaf2n.mpg', declaredType: 'video/mpeg', state: 'READY', durationSeconds: 3, audioChannels: 2,
  createdAt: AT };
const MNE = { id: 'b', name: 'mne.wav', declaredType: 'audio/wav', state: 'READY', durationSeconds: 3, audioChannels: 1,
  createdAt: AT };

test('a media row reads as its name, duration, sound and upload time', () => {
  const format = { seconds, dateTime };
  assert.equal(mediaLabel(CLIP, format), 'bbaf2n.mpg — 0:03.00, 2 audio channels, 01/12/2026, 16:19:26 UTC');
  assert.equal(mediaLabel({ ...MNE, createdAt: undefined }, format), 'mne.wav — 0:03.00, 1 audio channel');
  assert.equal(mediaLabel({ name: 'silent.mkv', state: 'READY', durationSeconds: 1 }, format), 'silent.mkv — 0:01.00, no audio');
  assert.equal(mediaLabel({ name: 'x.wav', state: 'PENDING' }, format), 'x.wav — PENDING');
});

test('a new job starts from the newest READY picture, not a stem', () => {
  assert.equal(defaultSource([MNE, { ...CLIP, state: 'PENDING' }, CLIP, { ...CLIP, id: 'older' }]).id, 'a');
  assert.equal(defaultSource([MNE]), undefined);
  assert.equal(defaultSource([]), undefined);
});

test('a probe stream reads in words', () => {
  assert.equal(streamText({ type: 'video', codec: 'mpeg1video', width: 360, height: 288, frameRate: 25 }),
    'video mpeg1video 360×288 at 25 fps');
  assert.equal(streamText({ type: 'audio', codec: 'mp2', sampleRate: 44100, channels: 2, channelLayout: 'stereo',
    language: 'eng' }), 'audio mp2 44100 Hz stereo (2 channels) language eng');
  assert.equal(pending({ state: 'PENDING' }), true);
  assert.equal(pending(CLIP), false);
});
