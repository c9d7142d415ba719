/** dubgate's domain model: one package per aggregate; state changes are methods on the aggregates. */
package org.dubgate.domain;
