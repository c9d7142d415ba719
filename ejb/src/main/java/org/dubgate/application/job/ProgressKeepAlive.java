package org.dubgate.application.job;

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

/**
 * Every few seconds, a sign of life on this node's quiet progress streams ({@link JobProgressFeed#keepAlive}):
 * one timer for all of them, no thread per client.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ProgressKeepAlive {

    @Inject
    JobProgressFeed feed;
    @Resource
    TimerService timers;

    @PostConstruct
    void start() {
        timers.createIntervalTimer(5_000, 5_000, new TimerConfig("progress keep-alive", false));
    }

    @Timeout
    void tick() {
        feed.keepAlive();
    }
}
