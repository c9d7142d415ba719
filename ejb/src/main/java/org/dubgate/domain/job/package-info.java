/**
 * Dubbing jobs: a title's source media, per target language a script and a cast plan, a territory
 * and a purpose; and the tasks the job fans out into. A job and its tasks are separate aggregates
 * so that workers update tasks without contending for the job row.
 */
package org.dubgate.domain.job;
