/**
 * QA review (R6): an item for every synthesized line by policy and for every automatic check that
 * failed, a reviewer's verdict on each, and what the verdicts decide for the job — approval, a hold
 * with the reviewer's note, or the lines to be made again.
 */
package org.dubgate.domain.review;
