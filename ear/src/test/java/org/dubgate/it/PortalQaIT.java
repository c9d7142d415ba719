package org.dubgate.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The QA reviewer's pages in a real browser: a job in review with three synthesized lines (set up by
 * API as the agent and manager would) is reviewed through the portal only — the queue filtered to the
 * job, two lines approved (one with the a key), the third re-rendered with an edited text and a note
 * after the missing note was named next to its field, the mix check approved — and the re-rendered
 * line comes back to the queue as a new round's item, with the job's progress counted anew.
 */
@ExtendWith(ArquillianExtension.class)
class PortalQaIT {

    private static final String SCRIPT = "WEBVTT\n\nuno\n00:00.100 --> 00:00.900\n<v ANNA>Bin blue at f two now.\n\n"
            + "dos\n00:01.000 --> 00:01.900\n<v BO>Place red by g nine soon.\n\n"
            + "tres\n00:02.000 --> 00:02.900\n<v ANNA>Set green at p one again please.\n";
    private static final String EDITED = "Set green at p one.";

    @RegisterExtension
    static final Portal portal = Portal.perClass();

    /** A title, two performers with grants, their voices on flite, and the job submitted and run to IN_REVIEW. */
    private static String jobInReview(String title) throws Exception {
        Api manager = Api.as("manager");
        Api agent = Api.as("agent");
        assertEquals(201, manager.post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Portal QA\"}")
                .statusCode());
        String media = Api.json(manager.upload(Testdata.gridClips().get(0), "video/mpeg")).getString("id");
        assertEquals("READY", manager.awaitMediaDecided(media).getString("state"));
        String flite = Fixtures.approvedModel("flite");
        var characters = Json.createArrayBuilder();
        for (String who : List.of("ANNA", "BO")) {
            String performer = Fixtures.performer(agent, who + " " + title);
            HttpResponse<String> grant = Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "en");
            assertEquals(201, grant.statusCode(), grant.body());
            characters.add(Json.createObjectBuilder().add("character", who).add("approach", "SYNTHETIC")
                    .add("voiceId", Fixtures.voice(manager, who + " en " + title, flite, performer)));
        }
        HttpResponse<String> submitted = manager.post("/api/v1/jobs", Json.createObjectBuilder().add("title", title)
                .add("sourceMediaId", media).add("territory", "ES").add("purpose", "TEMP").add("originalLanguage", "en")
                .add("targets", Json.createArrayBuilder().add(Json.createObjectBuilder().add("language", "en")
                        .add("script", Json.createObjectBuilder().add("format", "WEBVTT").add("text", SCRIPT))
                        .add("characters", characters))).build().toString());
        assertEquals(201, submitted.statusCode(), submitted.body());
        String jobId = Api.json(submitted).getString("id");
        JsonObject job = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", job.getString("state"), job.toString());
        assertTrue(job.getJsonObject("reviewItems").getJsonNumber("OPEN").intValue() >= 3, job.toString());
        return jobId;
    }

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    @Test
    void aReviewerApprovesTwoLinesReRendersTheThirdWithAnEditAndSeesItComeBack() throws Exception {
        String title = "PQA-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        String jobId = jobInReview(title);
        String reviewer = "qa-portal-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(reviewer, "qa");
        Page page = portal.signIn(reviewer, Api.USER_PASSWORD);

        // the queue, filtered to the job: its three lines and its mix check, and nothing decided yet
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Review queue")).click();
        assertThat(heading(page)).hasText("Review queue");
        page.getByLabel("Job", new Page.GetByLabelOptions().setExact(true)).selectOption(jobId);
        button(page, "Apply filters").click();
        page.waitForURL(Pattern.compile(".*job=.*"));
        Locator progress = page.getByRole(AriaRole.REGION, new Page.GetByRoleOptions().setName("Progress per job"))
                .locator("tbody tr");
        assertThat(progress).hasCount(1);
        assertThat(progress).containsText(title);
        Locator items = page.locator("a.qa-item-link");
        assertThat(items.first()).hasText("en cue uno (ANNA)");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("en cue tres")))
                .containsText("OVERFLOW");
        int open = items.count();
        assertTrue(open >= 4, "three lines and at least the mix check (no M&E): " + open);
        assertThat(progress).containsText("0 of " + open + " decided");
        portal.check(page, "qa-queue");

        // the first line: its waveforms, text, span and checks; approved with the a key
        items.first().click();
        assertThat(heading(page)).hasText("Review: en cue uno (ANNA)");
        assertThat(page.locator("dl.facts")).containsText("Bin blue at f two now.");
        assertThat(page.locator("dl.facts")).containsText("0:00.10 – 0:00.90");
        assertThat(page.getByRole(AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName("SCRIPT_CONFORMANCE")))
                .isVisible();
        assertThat(button(page, "Play line")).isEnabled();
        assertThat(button(page, "Play in context (mix)")).isEnabled();
        assertThat(button(page, "Play original")).isEnabled();
        assertThat(page.locator("kbd").filter(new Locator.FilterOptions().setHasText(Pattern.compile("^a$"))).first())
                .isVisible();
        portal.check(page, "qa-item");
        page.locator("h1").focus();
        page.keyboard().press("a");
        assertThat(heading(page)).hasText("Review: en cue dos (BO)");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Approved")))
                .containsText("Approved: en cue uno (ANNA).");
        assertThat(page.locator(".qa-job-progress")).containsText("1 of " + open + " decided");

        // the second line with the button
        button(page, "Approve a").click();
        assertThat(heading(page)).hasText("Review: en cue tres (ANNA)");

        // the third, flagged OVERFLOW: e opens the edit; without a note the server's message is under the note
        page.locator("h1").focus();
        page.keyboard().press("e");
        Locator text = page.getByLabel("Text of the line");
        assertThat(text).isFocused();
        assertThat(text).hasValue("Set green at p one again please.");
        text.fill(EDITED);
        button(page, "Re-render this line").click();
        assertThat(page.locator("#error-note")).containsText("needs a note");
        assertThat(page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true))).hasAttribute("aria-invalid", "true");
        page.getByLabel("Note", new Page.GetByLabelOptions().setExact(true)).fill("overflows its slot: a shorter adaptation");
        button(page, "Re-render this line").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Re-render asked")))
                .containsText("en cue tres (ANNA)");

        // the rest are the mix checks: approved, the queue is empty of this job's round 0, the line is made again
        for (int i = 3; i < open; i++) {
            assertThat(heading(page)).containsText("Mix check");
            button(page, "Approve a").click();
        }
        assertThat(heading(page)).hasText("Review queue");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("No open item")))
                .isVisible();

        // the new version comes back as an item of round 1 (the queue looks again while the job is re-rendered)
        Locator again = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(EDITED));
        assertThat(again).containsText("en cue tres (ANNA)", new LocatorAssertions.ContainsTextOptions().setTimeout(120_000));
        assertThat(again.getByRole(AriaRole.CELL).last()).hasText("1");
        // the two approved lines still count; the re-rendered line and the re-mixed language's checks are new
        assertThat(progress).containsText(Pattern.compile("\\b2 of \\d+ decided"));
        assertThat(progress).containsText("superseded");
    }
}
