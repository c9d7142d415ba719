import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fieldErrors, withQuery } from '../src/api.js';

test('field errors are keyed by field, several for one field joined', () => {
  const problem = { errors: [{ field: 'name', message: 'required' }, { field: 'name', message: 'too long' },
    { field: 'uses', message: 'at least one' }, { message: 'no field' }] };
  assert.deepEqual(fieldErrors(problem), { name: 'required; too long', uses: 'at least one' });
  assert.deepEqual(fieldErrors(undefined), {});
});

test('a query leaves out empty parameters and encodes the rest', () => {
  assert.equal(withQuery('/jobs', { state: 'RUNNING', title: '', after: undefined }), '/jobs?state=RUNNING');
  assert.equal(withQuery('/jobs', {}), '/jobs');
  assert.equal(withQuery('/media', { name: 'a b&c.wav' }), '/media?name=a+b%26c.wav');
});
