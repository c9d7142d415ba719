/** The HTTP edge: JAX-RS resources under {@code /api/v1}, one request and one response record per resource. */
package org.dubgate.web;
