/**
 * Dubbing jobs as managers handle them: submission (every field checked at once by
 * {@link org.dubgate.application.job.JobRequestValidation}, the consent gate cleared, then the job,
 * its planned tasks and their queue messages persisted in one transaction), cancel, the reads that
 * load only what they show, and what a revocation does to work in progress (R9). What runs the
 * tasks is in {@code org.dubgate.application.pipeline}.
 */
package org.dubgate.application.job;
