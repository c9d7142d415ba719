/** JPA repositories and the Flyway migrations that run before Hibernate validates the schema. */
package org.dubgate.infrastructure.persistence;
