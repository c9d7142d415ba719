import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  progressByLanguage, taskLabel, reviewSummary, parseEvent, eventText, runsWork, canCancel, canDeliver, tone,
} from '../src/manager/job-progress.js';

const JOB = {
  state: 'RUNNING',
  targets: [{ language: 'en-US', cues: 2, scriptFormat: 'WEBVTT', tasks: 3, tasksSucceeded: 1 },
    { language: 'es-ES', cues: 2, scriptFormat: 'SRT', tasks: 0, tasksSucceeded: 0 }],
  tasks: [
    { id: 'a', kind: 'ASSEMBLE', state: 'PENDING', cues: 0, round: 0 },
    { id: 'm', kind: 'MIX', language: 'en-US', state: 'RUNNING', cues: 0, round: 0 },
    { id: 'c', kind: 'CHECK', language: 'en-US', state: 'PENDING', cues: 0, round: 0 },
    { id: 's2', kind: 'SYNTHESIZE', language: 'en-US', character: 'BO', state: 'SUCCEEDED', cues: 1, round: 0 },
    { id: 's1', kind: 'SYNTHESIZE', language: 'en-US', character: 'ANNA', state: 'SUCCEEDED', cues: 2, round: 0 },
  ],
};

test('progress is per language with its tasks in run order, job-wide tasks last', () => {
  const groups = progressByLanguage(JOB);
  assert.deepEqual(groups.map((g) => [g.language, g.percent]), [['en-US', 33], ['es-ES', 0], [null, 0]]);
  assert.deepEqual(groups[0].tasks.map((t) => t.id), ['s1', 's2', 'm', 'c']);
  assert.deepEqual(groups[2].tasks.map((t) => t.id), ['a']);
  assert.deepEqual(progressByLanguage({ targets: [], tasks: [] }), []);
  assert.deepEqual(progressByLanguage(undefined), []);
});

test('a task reads as its kind, character, cues and round', () => {
  assert.equal(taskLabel({ kind: 'SYNTHESIZE', character: 'ANNA', cues: 2, round: 0 }), 'SYNTHESIZE ANNA, 2 cues');
  assert.equal(taskLabel({ kind: 'SYNTHESIZE', character: 'BO', cues: 1, round: 2 }), 'SYNTHESIZE BO, 1 cue (round 2)');
  assert.equal(taskLabel({ kind: 'MIX', cues: 0, round: 0 }), 'MIX');
});

test('review counts read in words, states with none left out', () => {
  assert.equal(reviewSummary({ OPEN: 4, APPROVED: 2, REJECTED: 0 }), '4 open, 2 approved');
  assert.equal(reviewSummary({}), '');
  assert.equal(reviewSummary(undefined), '');
});

test('a progress event is read as JSON and told in words', () => {
  const e = parseEvent('{"seq":3,"type":"TASK_ENDED","jobState":"RUNNING","succeeded":3,"tasks":7,'
    + '"task":{"kind":"SYNTHESIZE","state":"SUCCEEDED","character":"ANNA","language":"es-ES"}}');
  assert.equal(eventText(e), 'SYNTHESIZE ANNA es-ES SUCCEEDED — 3 of 7 tasks done');
  assert.equal(eventText(parseEvent('{"jobState":"IN_REVIEW","succeeded":7,"tasks":7}')), 'job IN_REVIEW — 7 of 7 tasks done');
  assert.equal(parseEvent('IN_REVIEW'), null);
  assert.equal(eventText(null), '');
});

test('the state decides what the page offers', () => {
  assert.equal(runsWork(JOB), true);
  assert.equal(runsWork({ state: 'IN_REVIEW' }), false);
  assert.equal(canCancel({ state: 'IN_REVIEW' }), true);
  assert.equal(canCancel({ state: 'DELIVERED' }), false);
  assert.equal(canDeliver({ state: 'APPROVED' }), true);
  assert.equal(canDeliver({ state: 'IN_REVIEW' }), false);
  assert.equal(tone('SUCCEEDED'), 'ok');
  assert.equal(tone('FAILED'), 'bad');
  assert.equal(tone('RUNNING'), 'warn');
});
