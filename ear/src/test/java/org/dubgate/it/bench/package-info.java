/** Benchmarks that run inside the real server (profile {@code benchmark}, script {@code bench/gate.sh}); not part of the test suite. */
package org.dubgate.it.bench;
