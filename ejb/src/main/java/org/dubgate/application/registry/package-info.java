/**
 * The model registry: registration with a server-computed artifact hash (for an engine this build runs,
 * exactly the files the engine runs from), approval against R5, revocation; and a worker's pin of a
 * model's files — its engine run from them, their fingerprint checked before every line.
 */
package org.dubgate.application.registry;
