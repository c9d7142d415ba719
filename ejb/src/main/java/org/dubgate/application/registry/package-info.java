/** The model registry: registration with a server-computed artifact hash, approval against R5, revocation. */
package org.dubgate.application.registry;
