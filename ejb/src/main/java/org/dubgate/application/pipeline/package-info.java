/**
 * The pipeline's machinery: one {@link org.dubgate.application.pipeline.Stage} contract that each
 * stage (synthesis, mix, assembly) implements once, and the one runner that drives every stage
 * through it — start in a short locked transaction, work with no transaction open in a working
 * folder of its own, complete in a short locked transaction that records the results and dispatches
 * what the job says comes next, and keep the reason of every failed attempt. Running tasks hold
 * leases that their node renews; a task whose node died is dispatched again. Progress events are
 * published on the job-events topic in the transaction that makes them.
 */
package org.dubgate.application.pipeline;
