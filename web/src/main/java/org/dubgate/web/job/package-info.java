/** Dubbing jobs for managers: submission (400 with every problem, 409 with every consent violation) and progress. */
package org.dubgate.web.job;
