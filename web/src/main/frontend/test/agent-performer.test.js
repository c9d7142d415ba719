import { test } from 'node:test';
import assert from 'node:assert/strict';
import { performerBody, performerForm, performerName, performerStatus } from '../src/agent/performer-model.js';

test('only a deceased performer sends an estate representative', () => {
  assert.deepEqual(performerBody({ legalName: ' Ana Ruiz ', stageName: '', deceased: false, estateRepresentative: 'Left over' }),
    { legalName: 'Ana Ruiz', stageName: undefined, deceased: false, estateRepresentative: undefined });
  assert.deepEqual(performerBody({ legalName: 'Old Star', stageName: 'Star', deceased: true, estateRepresentative: 'Kim Star' }),
    { legalName: 'Old Star', stageName: 'Star', deceased: true, estateRepresentative: 'Kim Star' });
});

test('an edit starts from the record, a new performer from nothing', () => {
  assert.deepEqual(performerForm(null), { legalName: '', stageName: '', deceased: false, estateRepresentative: '' });
  assert.deepEqual(performerForm({ legalName: 'A', deceased: true, estateRepresentative: 'E' }),
    { legalName: 'A', stageName: '', deceased: true, estateRepresentative: 'E' });
});

test('a performer is named by stage name with the legal name, and by status', () => {
  assert.equal(performerName({ legalName: 'Anna Walkthrough', stageName: 'Anna W.' }), 'Anna W. (Anna Walkthrough)');
  assert.equal(performerName({ legalName: 'Anna' }), 'Anna');
  assert.equal(performerStatus({ deceased: false }), 'Living');
  assert.equal(performerStatus({ deceased: true, estateRepresentative: 'Kim' }), 'Deceased; estate represented by Kim');
});
