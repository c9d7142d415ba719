/**
 * Media intake: streaming uploads into storage outside any transaction, registering them, and the
 * background probe that decides READY, REJECTED or (after retries) FAILED.
 */
package org.dubgate.application.media;
