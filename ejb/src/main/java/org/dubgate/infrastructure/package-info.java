/** Implementations of the application's ports and the technical plumbing behind them. */
package org.dubgate.infrastructure;
