/** The QA queue at the web edge: review items, verdicts and the excerpts a reviewer listens to. */
package org.dubgate.web.review;
