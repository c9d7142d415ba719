package org.dubgate.it;

import jakarta.json.JsonObject;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** What the review and delivery tests read back of a job's files: a deliverable, a package's entries, a file's tags. */
final class DeliveredFiles {

    private DeliveredFiles() {
    }

    /** A deliverable's bytes (200 expected). */
    static byte[] content(Api api, String jobId, JsonObject deliverable) {
        HttpResponse<byte[]> r = api.getBytes("/api/v1/jobs/" + jobId + "/deliverables/" + deliverable.getString("id")
                + "/content", null);
        assertEquals(200, r.statusCode());
        return r.body();
    }

    /** A delivery package's entries by name. */
    static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        Map<String, byte[]> entries = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    /** The container tags of a file, read by the FFmpeg CLI's ffprobe, as its JSON. */
    static String containerTags(Path file) throws Exception {
        Process p = new ProcessBuilder("ffprobe", "-v", "error", "-show_entries", "format_tags", "-of", "json",
                file.toString()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return out;
    }
}
