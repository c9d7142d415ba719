/** Deliveries at the web edge: the package as a zip streamed from storage, each file alone, the manifest schema. */
package org.dubgate.web.delivery;
