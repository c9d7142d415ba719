/** Application services: thin coordinators of aggregates, ports and transactions. */
package org.dubgate.application;
