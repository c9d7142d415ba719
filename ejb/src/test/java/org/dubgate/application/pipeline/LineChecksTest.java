package org.dubgate.application.pipeline;

import org.dubgate.domain.job.QaCheck.Finding;
import org.dubgate.domain.job.QaCheck.Kind;
import org.dubgate.domain.job.QaCheck.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A line FFmpeg cannot read is flagged with the reason, not a failure of the whole language's CHECK. */
class LineChecksTest {

    @TempDir
    Path tmp;

    @Test
    void anUnreadableLineIsFlaggedWithTheReason() throws Exception {
        Path notAudio = Files.writeString(tmp.resolve("line"), "this is not audio");
        LineChecks checks = new LineChecks(new CheckWork.Thresholds(20, 0.5, Duration.ofSeconds(30), false), "es", tmp);
        List<Finding> found = checks.of(new CheckWork.Line(UUID.randomUUID(), "c1", notAudio, "Hola.", Optional.empty()));
        assertEquals(1, found.size(), found.toString());
        assertEquals(Kind.LINE_EMPTY, found.get(0).kind());
        assertEquals(Verdict.FLAGGED, found.get(0).verdict());
        assertTrue(found.get(0).detail().orElseThrow().startsWith("cannot be read: "), found.toString());
    }
}
