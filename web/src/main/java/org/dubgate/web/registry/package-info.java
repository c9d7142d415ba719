/** The model registry and written approvals: admins decide, managers may read. */
package org.dubgate.web.registry;
