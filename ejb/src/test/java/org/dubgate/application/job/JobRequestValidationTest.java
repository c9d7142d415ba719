package org.dubgate.application.job;

import org.dubgate.domain.consent.Purpose;
import org.dubgate.domain.job.DeliveryProfile;
import org.dubgate.domain.job.LoudnessSpec;
import org.dubgate.domain.media.MediaAsset;
import org.dubgate.domain.media.MediaAssetRepository;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.domain.title.Title;
import org.dubgate.domain.title.TitleRepository;
import org.dubgate.media.probe.MediaProbe;
import org.dubgate.media.probe.StreamInfo;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.*;

/** Submission checks that need no container: the purpose default (R6) and the stated script limits. */
class JobRequestValidationTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");
    private static final String TITLE = "NORTHWIND-S01E03";

    private final MediaAsset source = MediaAsset.uploaded("tone.wav", "audio/wav", "a".repeat(64), 1_000, "maria", T0);

    private JobRequestValidation validation(JobScripts scripts) {
        source.beginProbeAttempt(T0);
        source.markReady(new MediaProbe("wav", "WAV", 60.0, 256_000, 1_000, List.of(new StreamInfo.Audio(0, "pcm_s16le",
                Optional.empty(), 60.0, 16_000, 1, "mono"))), T0);
        JobRequestValidation v = new JobRequestValidation();
        v.lipSyncs = new LipSyncChecks();
        v.titles = new TitleRepository() {
            @Override
            public Optional<Title> findByCode(String code) {
                return code.equals(TITLE) ? Optional.of(Title.create(TITLE, "Northwind", "maria", T0)) : Optional.empty();
            }

            @Override
            public Page<Title> list(PageRequest page) {
                throw new UnsupportedOperationException();
            }

            @Override
            public void add(Title title) {
                throw new UnsupportedOperationException();
            }
        };
        v.media = new MediaAssetRepository() {
            @Override
            public Optional<MediaAsset> find(UUID id) {
                return id.equals(source.id()) ? Optional.of(source) : Optional.empty();
            }

            @Override
            public void add(MediaAsset asset) {
                throw new UnsupportedOperationException();
            }

            @Override
            public org.dubgate.domain.shared.Page<org.dubgate.domain.media.MediaSummary> list(
                    Optional<org.dubgate.domain.media.MediaState> state, org.dubgate.domain.shared.PageRequest page) {
                throw new UnsupportedOperationException();
            }
        };
        v.scripts = scripts;
        return v;
    }

    private static String webvtt(int cues, String character) {
        StringBuilder s = new StringBuilder("WEBVTT\n\n");
        for (int i = 0; i < cues; i++) {
            s.append(String.format("c%d\n00:%02d.000 --> 00:%02d.500\n<v %s>Line %d.\n\n", i, i, i, character, i));
        }
        return s.toString();
    }

    private JobRequest request(String purpose, String... scripts) {
        String[] languages = {"es", "fr", "de"};
        List<JobRequest.TargetRequest> targets = new java.util.ArrayList<>();
        for (int i = 0; i < scripts.length; i++) {
            targets.add(new JobRequest.TargetRequest(languages[i], new JobRequest.ScriptRequest("WEBVTT", scripts[i]),
                    List.of(new JobRequest.CharacterRequest("NARRATOR", "ORIGINAL", null, null, null))));
        }
        return new JobRequest(TITLE, source.id(), null, null, "ES", purpose, null, null, null, targets, null);
    }

    @Test
    void jobWithoutPurposeIsTemp() {
        JobRequestValidation v = validation(new JobScripts(10_000, 40_000, 1_000));
        assertEquals(Purpose.TEMP, v.validate(request(null, webvtt(2, "NARRATOR"))).purpose());
        assertEquals(Purpose.FINAL, v.validate(request("FINAL", webvtt(2, "NARRATOR"))).purpose());
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> v.validate(request("temp", webvtt(2, "NARRATOR"))));
        assertEquals("purpose", e.errors().get(0).field(), "spelled wrong is still wrong");
    }

    @Test
    void deliveryProfileIsStreamingUnlessNamedAndItsTargetsMustBeInRange() {
        JobRequestValidation v = validation(new JobScripts(10_000, 40_000, 1_000));
        JobRequest plain = request(null, webvtt(2, "NARRATOR"));
        assertEquals(DeliveryProfile.STREAMING.spec(), v.validate(plain).loudness());
        LoudnessSpec ebu = v.validate(withDelivery(plain, new JobRequest.DeliveryRequest("EBU_R128", null, null, null)))
                .loudness();
        assertEquals(new LoudnessSpec(DeliveryProfile.EBU_R128, -23, -1, false), ebu);
        assertEquals(new LoudnessSpec(DeliveryProfile.ATSC_A85, -20, -3, true), v.validate(withDelivery(plain,
                new JobRequest.DeliveryRequest("ATSC_A85", -20.0, -3.0, true))).loudness());

        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.validate(withDelivery(plain,
                new JobRequest.DeliveryRequest("NETFLIX", null, null, null))));
        assertEquals(List.of("delivery.profile"), e.errors().stream().map(InvalidInputException.FieldError::field).toList());
        e = assertThrows(InvalidInputException.class, () -> v.validate(withDelivery(plain,
                new JobRequest.DeliveryRequest(null, -5.0, 3.0, null))));
        assertEquals(List.of("delivery.loudnessLufs", "delivery.truePeakDbtp"),
                e.errors().stream().map(InvalidInputException.FieldError::field).toList());
        e = assertThrows(InvalidInputException.class, () -> v.validate(withDelivery(plain,
                new JobRequest.DeliveryRequest(null, Double.NaN, null, null))));
        assertEquals("delivery.loudnessLufs", e.errors().get(0).field());
    }

    private static JobRequest withDelivery(JobRequest r, JobRequest.DeliveryRequest d) {
        return new JobRequest(r.title(), r.sourceMediaId(), r.mneMediaId(), r.dialogueMediaId(), r.territory(),
                r.purpose(), r.priority(), r.maxTempo(), r.originalLanguage(), r.targets(), d);
    }

    @Test
    void scriptBeyondItsLimitIsRefusedAloneAndAtOnce() {
        JobRequestValidation v = validation(new JobScripts(3, 100, 1_000));
        JobRequest r = new JobRequest(TITLE, source.id(), null, null, "ATLANTIS", null, null, null, null,
                request(null, webvtt(2, "NARRATOR"), webvtt(4, "NOBODY")).targets(), null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.validate(r));
        assertEquals(List.of(new InvalidInputException.FieldError("targets[1].script",
                "file: more than 3 cues: at most 3 per script")), e.errors(), "the limit only, not the other problems");
    }

    @Test
    void jobBeyondItsLimitIsRefusedAtTheScriptThatCrossesIt() {
        JobRequestValidation v = validation(new JobScripts(3, 5, 1_000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.validate(request(null,
                webvtt(3, "NARRATOR"), webvtt(3, "NARRATOR"), webvtt(3, "NARRATOR"))));
        assertEquals(List.of(new InvalidInputException.FieldError("targets[1].script",
                "with this script the job has more than 5 cues: at most 5 per job")), e.errors());
    }

    @Test
    void cueTextBeyondTheLimitNamesTheCue() {
        JobRequestValidation v = validation(new JobScripts(10, 100, 12));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.validate(request(null,
                "WEBVTT\n\nc1\n00:01.000 --> 00:02.000\n<v NARRATOR>A longer line.\n")));
        assertEquals(List.of(new InvalidInputException.FieldError("targets[0].script",
                "line 4: cue c1: its text is 14 characters long, more than the 12 allowed per cue")), e.errors());
    }

    @Test
    void configuredCueLengthAboveTheColumnStopsAtTheColumn() {
        JobRequestValidation v = validation(new JobScripts(10, 100, 1_000_000));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.validate(request(null,
                "WEBVTT\n\nc1\n00:01.000 --> 00:02.000\n<v NARRATOR>" + "x".repeat(4_001) + "\n")));
        assertTrue(e.errors().get(0).message().contains("more than the 4000 allowed per cue"), e.getMessage());
    }

    @Test
    void idsAndNamesLongerThanTheJobKeepsAreRefused() {
        JobRequestValidation v = validation(new JobScripts(10, 100, 1_000));
        String longName = "N".repeat(101);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> v.validate(request(null,
                "WEBVTT\n\n" + "i".repeat(101) + "\n00:01.000 --> 00:02.000\n<v " + longName + ">Hi.\n")));
        assertEquals(List.of("line 4: a cue id longer than 100 characters",
                        "cue " + "i".repeat(101) + " (line 4): a character name longer than 100 characters"),
                e.errors().stream().map(InvalidInputException.FieldError::message).toList());
        JobRequest castTooLong = new JobRequest(TITLE, source.id(), null, null, "ES", null, null, null, null,
                List.of(new JobRequest.TargetRequest("es", new JobRequest.ScriptRequest("WEBVTT", webvtt(1, "NARRATOR")),
                        List.of(new JobRequest.CharacterRequest(longName, "ORIGINAL", null, null, null)))), null);
        e = assertThrows(InvalidInputException.class, () -> v.validate(castTooLong));
        assertEquals("targets[0].characters[0].character", e.errors().get(0).field());
    }
}
