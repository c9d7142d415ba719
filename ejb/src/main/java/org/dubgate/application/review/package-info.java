/**
 * QA review as reviewers and the pipeline use it: items opened when a round of work is ready, the
 * queue, verdicts and what they decide for the job (approval, a hold, a re-render round), and the
 * excerpts a reviewer listens to.
 */
package org.dubgate.application.review;
