package org.dubgate.it;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A short memory soak in the suite: a minute of small jobs one after another (each followed over
 * its event stream to the end and downloaded) must not leave the server's heap after a full
 * collection more than a few MB larger. An issue once measured 57 MB retained over 419 such jobs
 * (0.14 MB a job): a minute here is about 200 jobs, so a leak of that size fails by far. The
 * five-minute soak with the class histogram is {@code bench/soak.sh}.
 */
@ExtendWith(ArquillianExtension.class)
class MemorySoakIT {

    private static final double MAX_GROWTH_MB = 10;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.ear();
    }

    @Test
    void aMinuteOfSmallJobsLeavesTheHeapWhereItWas() throws Exception {
        MemorySoak.Result r = new MemorySoak().run(30, Duration.ofSeconds(60));
        System.out.println("MemorySoakIT: " + r.report());
        assertTrue(r.jobs() >= 20, "the soak ran jobs: " + r.report());
        assertTrue(r.heapGrowthMegabytes() < MAX_GROWTH_MB, "after-GC heap growth under " + MAX_GROWTH_MB + " MB: "
                + r.report());
    }
}
