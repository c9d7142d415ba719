package org.dubgate.it;

import jakarta.json.JsonObject;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A job's progress stream ({@code GET /jobs/{id}/events}) as a client reads it: the server-sent events in
 * the order they arrived, each with its id, name and data, until the server closes the stream after the
 * job's last word. One parser for every test and benchmark that follows a job, so each asserts on event
 * names ({@code progress}, {@code end}) rather than on the look of raw lines.
 */
public final class ProgressStream {

    /** Names the server gives its events. */
    public static final String PROGRESS = "progress";
    public static final String END = "end";

    /** One server-sent event as it arrived, {@code atMillis} after the stream was asked for. */
    public record Event(String id, String name, String data, long atMillis) {

        /** A progress event's JSON ({@code type}, {@code task}, ...); an end event's data is the job's state. */
        public JsonObject json() {
            return (JsonObject) Api.parse(data);
        }

        public boolean isEnd() {
            return END.equals(name);
        }
    }

    private ProgressStream() {
    }

    /**
     * Reads the stream of {@code jobId} as {@code api}'s caller on {@code api}'s server until it closes;
     * {@code lastEventId} (or null) resumes after that event.
     */
    public static List<Event> read(Api api, String jobId, String lastEventId, Duration atMost) {
        HttpRequest.Builder b = api.request("/api/v1/jobs/" + jobId + "/events").timeout(atMost)
                .header("Accept", "text/event-stream").GET();
        if (lastEventId != null) {
            b.header("Last-Event-ID", lastEventId);
        }
        long began = System.currentTimeMillis();
        HttpResponse<Stream<String>> r = api.send(b, HttpResponse.BodyHandlers.ofLines());
        assertEquals(200, r.statusCode(), "the progress stream of job " + jobId);
        List<Event> events = new ArrayList<>();
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        try (Stream<String> lines = r.body()) {
            for (String line : (Iterable<String>) lines::iterator) {
                if (line.isEmpty()) {
                    if (name != null || !data.isEmpty()) {
                        events.add(new Event(id, name, data.toString(), System.currentTimeMillis() - began));
                    }
                    id = null;
                    name = null;
                    data.setLength(0);
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5).strip());
                }
            }
        }
        return events;
    }

    /** The last event read, if it is the job's end: the stream was not cut short. */
    public static boolean ended(List<Event> events) {
        return !events.isEmpty() && events.get(events.size() - 1).isEnd();
    }
}
