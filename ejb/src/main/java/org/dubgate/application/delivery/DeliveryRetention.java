package org.dubgate.application.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Temporary by default (R6): every so often ({@code dubgate.delivery.sweep-seconds}, default 600) the
 * TEMP deliveries past their retention ({@code dubgate.delivery.temp-retention}, default P30D, fixed
 * when each was made) lose their files — the stems, mixes, programme and the job's lines — while the
 * delivery's record and manifest stay. Per node; each delivery is removed under its row lock, so
 * several nodes may sweep at once.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class.getName());

    @Inject
    RetentionSweep sweep;
    @Inject
    org.dubgate.application.port.ContentStore store;
    @Inject
    Clock clock;
    @Resource
    TimerService timers;
    @Inject
    @ConfigProperty(name = "dubgate.delivery.sweep-seconds", defaultValue = "600")
    long sweepSeconds;

    @PostConstruct
    void atStart() {
        long every = Math.max(1, sweepSeconds) * 1000;
        timers.createIntervalTimer(every, every, new TimerConfig("delivery retention", false));
    }

    @Timeout
    void tick() {
        for (UUID delivery : sweep.pastRetention(clock.instant())) {
            try {
                List<String> files = sweep.markFilesRemoved(delivery); // committed: nothing offers them any more
                int removed = 0;
                for (String sha : files) {
                    removed += store.remove(sha) ? 1 : 0;
                }
                int total = removed;
                LOG.info(() -> "TEMP delivery " + delivery + " reached the end of its retention: " + total
                        + " file(s) removed, its record and manifest kept");
            } catch (RuntimeException | IOException e) {
                LOG.warning(() -> "could not remove the files of TEMP delivery " + delivery + ": " + e);
            }
        }
    }
}
