/**
 * Dubbing jobs: submission (validate everything at once, clear the consent gate, persist and
 * dispatch in one transaction); the synthesis workers that re-check the gate and the model hash
 * right before they run a model and again before they commit its output (R9), and time-fit each
 * line; the fan-in to one MIX per language and one ASSEMBLE per job, after which the job is in
 * review. Workers run media work with no transaction open, between short locked transactions.
 */
package org.dubgate.application.job;
