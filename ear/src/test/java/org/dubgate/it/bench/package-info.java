/** Benchmarks that run inside the real server (profile {@code benchmark}, one script each in {@code bench/}); not part of the test suite. */
package org.dubgate.it.bench;
