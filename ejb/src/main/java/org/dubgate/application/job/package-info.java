/**
 * Dubbing jobs: submission (validate everything at once, clear the consent gate, persist and
 * dispatch in one transaction), and the synthesis workers that re-check the gate and the model hash
 * right before they run a model and again before they commit its output (R9).
 */
package org.dubgate.application.job;
