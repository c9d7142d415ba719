/** The catalogue a manager casts from: titles and voices. */
package org.dubgate.application.catalog;
