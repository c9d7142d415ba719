package org.dubgate.application.job;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.dubgate.domain.job.JobEvent;

import java.io.StringReader;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * This node's progress subscribers, fed from the job-events topic: every node hears every event, so
 * a client on one node follows work finished on another. Nothing polls and no thread waits per
 * subscriber: a subscriber is sent what it missed when it subscribes (from the database), then each
 * event as the topic delivers it. Events carry their per-job number; one that arrives out of order
 * is filled in from the database, one seen already is dropped, so each subscriber gets every event
 * once, in order. Per-node state by nature: the connections are this node's.
 */
@ApplicationScoped
public class JobProgressFeed {

    private static final Logger LOG = Logger.getLogger(JobProgressFeed.class.getName());
    private static final int REPLAY_PAGE = 500;

    /** Where a subscriber's events go (a server-sent-event stream). Throwing means the client is gone. */
    public interface Listener {

        void event(long seq, String payload) throws Exception;

        /** The job no longer runs work: the last word; the stream closes after it. */
        void end(String jobState) throws Exception;

        /** Nothing to tell for a while: a sign of life, so nothing on the way takes the stream for idle. */
        void keepAlive() throws Exception;
    }

    /** A stream that has sent nothing for this long gets a sign of life. */
    static final long QUIET_NANOS = 15_000_000_000L;

    @Inject
    JobService jobs;

    private final Map<UUID, Set<Subscriber>> subscribers = new ConcurrentHashMap<>();

    /**
     * Follows a job: from after {@code lastEventId} when the client resumes, else from a snapshot of
     * where the job stands now. A job that already ended gets its final state and the end at once.
     */
    public void subscribe(UUID jobId, Optional<Long> lastEventId, Listener listener) {
        Subscriber s = new Subscriber(jobId, listener);
        synchronized (s) {
            // registered before reading, so nothing committed after the read is missed; the topic's
            // deliveries wait for this block and then drop what it already sent
            subscribers.computeIfAbsent(jobId, id -> ConcurrentHashMap.newKeySet()).add(s);
            JobService.ProgressSnapshot now = jobs.progress(jobId);
            if (lastEventId.isPresent()) {
                s.lastSent = lastEventId.get();
                s.catchUp(now.seq());
            } else {
                s.send(now.seq(), now.payload());
            }
            if (now.ended() && s.lastSent >= now.seq()) {
                s.end(now.jobState());
            }
        }
    }

    /** An event from the topic. */
    public void relay(String payload) {
        Event e = Event.parse(payload);
        for (Subscriber s : subscribers.getOrDefault(e.jobId(), Set.of())) {
            synchronized (s) {
                if (s.closed || e.seq() <= s.lastSent) {
                    continue;
                }
                s.catchUp(e.seq() - 1); // anything this one overtook
                s.send(e.seq(), payload);
                if (e.ended()) {
                    s.end(e.jobState());
                }
            }
        }
    }

    /**
     * Sends a sign of life to every stream that has been quiet for a while (a server-sent-event
     * comment, which clients ignore): connections with no traffic for a minute or more are closed by
     * proxies and HTTP stacks along the way, and a client that has gone is found by the failed write
     * and let go.
     */
    public void keepAlive() {
        long now = System.nanoTime();
        for (Set<Subscriber> of : subscribers.values()) {
            for (Subscriber s : of) {
                synchronized (s) {
                    if (!s.closed && now - s.lastWrite >= QUIET_NANOS) {
                        s.keepAlive(now);
                    }
                }
            }
        }
    }


    private record Event(UUID jobId, long seq, boolean ended, String jobState) {
        static Event parse(String payload) {
            try (var reader = Json.createReader(new StringReader(payload))) {
                JsonObject o = reader.readObject();
                return new Event(UUID.fromString(o.getString("jobId")), o.getJsonNumber("seq").longValue(),
                        o.getBoolean("ended", false), o.getString("jobState", ""));
            }
        }
    }

    private final class Subscriber {
        private final UUID jobId;
        private final Listener listener;
        private long lastSent;
        private long lastWrite = System.nanoTime();
        private boolean closed;

        Subscriber(UUID jobId, Listener listener) {
            this.jobId = jobId;
            this.listener = listener;
        }

        /** Sends, from the database, the events after the last one sent up to {@code seq}. */
        void catchUp(long seq) {
            while (!closed && lastSent < seq) {
                List<JobEvent> missed = jobs.eventsAfter(jobId, lastSent, (int) Math.min(REPLAY_PAGE, seq - lastSent));
                if (missed.isEmpty()) {
                    return; // not committed yet: its own delivery will bring it
                }
                for (JobEvent m : missed) {
                    send(m.seq(), m.payload());
                }
            }
        }

        void send(long seq, String payload) {
            if (closed) {
                return;
            }
            try {
                listener.event(seq, payload);
                lastSent = Math.max(lastSent, seq);
                lastWrite = System.nanoTime();
            } catch (Exception gone) {
                close();
            }
        }

        void keepAlive(long now) {
            try {
                listener.keepAlive();
                lastWrite = now;
            } catch (Exception gone) {
                close();
            }
        }

        void end(String jobState) {
            if (closed) {
                return;
            }
            try {
                listener.end(jobState);
            } catch (Exception gone) {
                LOG.fine(() -> "progress client of job " + jobId + " left before the end: " + gone);
            }
            close();
        }

        private void close() {
            closed = true;
            Set<Subscriber> of = subscribers.get(jobId);
            if (of != null) {
                of.remove(this);
                subscribers.computeIfPresent(jobId, (id, set) -> set.isEmpty() ? null : set);
            }
        }
    }
}
