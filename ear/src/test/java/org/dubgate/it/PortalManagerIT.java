package org.dubgate.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PlaywrightAssertions;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import jakarta.json.JsonObject;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The localization manager's pages in a real browser. What other roles do is set up by API: the admin
 * approves espeak-ng, the agent records a performer (and, mid-test, the grant; later QA approves the
 * lines). The manager acts through the portal only: creates the title, uploads a GRID clip and sees
 * its probe, defines the performer's voice, imports a script with a broken cue and sees each problem
 * with its line, imports the fixed one and casts its character, runs the consent check (blocked: no
 * grant yet, said in words), runs it again once the grant exists, submits, and watches the job page
 * follow the pipeline to IN_REVIEW by its pushed events; once QA approved, delivers and finds the
 * package's download links.
 */
@ExtendWith(ArquillianExtension.class)
class PortalManagerIT {

    private static final String BROKEN = "WEBVTT\n\nuno\n00:00.100 --> 00:01.400\n<v ANNA>Pon el azul.\n\n"
            + "dos\n00:01.500 -> 00:02.950\n<v ANNA>Pon el rojo ahora.\n";
    private static final String SCRIPT = "WEBVTT\n\nuno\n00:00.100 --> 00:01.400\n<v ANNA>Pon el azul.\n\n"
            + "dos\n00:01.500 --> 00:02.950\n<v ANNA>Pon el rojo ahora.\n";
    private static final Pattern JOB_URL = Pattern.compile(".*#/manager/jobs/[0-9a-f-]{36}$");

    @RegisterExtension
    static final Portal portal = Portal.perClass();

    @BeforeAll
    static void waitLonger() {
        PlaywrightAssertions.setDefaultAssertionTimeout(20_000); // uploads, probes and the pipeline take seconds
    }

    @AfterAll
    static void waitAsUsual() {
        PlaywrightAssertions.setDefaultAssertionTimeout(5_000); // Playwright's own default, for the classes after this
    }

    private static Locator label(Page page, String text) {
        return page.getByLabel(text, new Page.GetByLabelOptions().setExact(true));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static void open(Page page, String navLabel) {
        page.getByRole(AriaRole.NAVIGATION).getByRole(AriaRole.LINK,
                new Locator.GetByRoleOptions().setName(navLabel).setExact(true)).click();
    }

    private static FilePayload vtt(String name, String text) {
        return new FilePayload(name, "text/vtt", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aManagerUploadsImportsChecksConsentSubmitsFollowsAndDelivers() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String title = "PM-" + suffix.toUpperCase();
        String username = "manager-ui-" + suffix;
        Api.createUser(username, "manager");
        Api manager = Api.basic(username, Api.USER_PASSWORD); // reads only, to know what the page should show
        Api agent = Api.as("agent");
        String espeak = Fixtures.approvedModel("espeak-ng");
        String performer = Fixtures.performer(agent, "Mia " + title);
        Path clip = Testdata.gridClips().get(0);

        Page page = portal.signIn(username, Api.USER_PASSWORD);

        // the title
        open(page, "Titles");
        label(page, "Code").fill(title);
        label(page, "Name").fill("Portal manager");
        button(page, "Create title").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("created")))
                .containsText("Title " + title + " created.");
        assertThat(page.getByRole(AriaRole.TABLE)).containsText(title);
        portal.check(page, "manager-titles");

        // the source, uploaded raw, and what probing found; the list has it
        open(page, "Media");
        label(page, "Media file").setInputFiles(clip);
        button(page, "Upload").click();
        Locator facts = page.getByTestId("media-facts");
        assertThat(facts).containsText("READY");
        assertThat(facts).containsText("0:03.00");
        assertThat(facts).containsText("MPEG-PS");
        Locator streams = page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Streams"));
        assertThat(streams).containsText("video mpeg1video 360×288");
        assertThat(streams).containsText("audio");
        String media = page.getByTestId("media-id").innerText();
        Locator listed = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText("by " + username));
        assertThat(listed).containsText(clip.getFileName().toString());
        assertThat(listed).containsText("READY");
        portal.check(page, "manager-media");

        // the performer's voice on the approved model
        open(page, "Voices");
        String voiceName = "Mia es " + title;
        label(page, "Name").fill(voiceName);
        label(page, "Voice model").selectOption(espeak);
        label(page, "Performer").selectOption(performer);
        button(page, "Define voice").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("defined")))
                .containsText("Voice " + voiceName + " defined.");
        assertThat(page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(voiceName)))
                .containsText("Mia " + title);
        portal.check(page, "manager-voices");
        String voice = manager.all("/api/v1/voices").stream().filter(v -> v.getString("name").equals(voiceName))
                .findFirst().orElseThrow().getString("id");

        // the job form: a script with a broken cue is refused with the line of each problem
        open(page, "New job");
        label(page, "Title").selectOption(title);
        label(page, "Source media (picture and sound)").selectOption(media);
        label(page, "Territory").fill("ES");
        label(page, "Original language (optional)").fill("en");
        label(page, "Language").fill("es-ES");
        label(page, "Script file").setInputFiles(vtt("ep1.es.vtt", BROKEN));
        Locator problems = page.getByTestId("script-problems-0");
        assertThat(problems).containsText("1 problem");
        assertThat(problems).containsText("line 7: ");
        assertThat(problems).containsText("timing line");
        assertThat(label(page, "Voice of ANNA")).hasCount(0);

        // the fixed script: its cues previewed, its one character cast
        label(page, "Script file").setInputFiles(vtt("ep1.es.vtt", SCRIPT));
        assertThat(page.getByTestId("script-summary-0")).containsText("2 cues; characters ANNA");
        assertThat(page.getByRole(AriaRole.TABLE, new Page.GetByRoleOptions().setName("Cues of ep1.es.vtt")))
                .containsText("Pon el rojo ahora.");
        assertThat(problems).hasCount(0);
        label(page, "Voice of ANNA").selectOption(voice);

        // the dry run: no grant yet, said in words
        button(page, "Check consent").click();
        Locator report = page.getByTestId("consent-report");
        assertThat(report).containsText("would be blocked (1 violation)");
        assertThat(report).containsText("Mia " + title + ": the performer has no consent grant for this use");
        assertThat(report).containsText("VOICE_SYNTHESIS, es-ES, ES, TEMP, title " + title);
        portal.check(page, "manager-job-form");

        // the agent records the grant; the dry run now clears, and the job is submitted
        HttpResponse<String> grant = Fixtures.grant(agent, performer, Fixtures.evidence(agent), title, "es-ES");
        assertEquals(201, grant.statusCode(), grant.body());
        button(page, "Check consent").click();
        assertThat(report).containsText("the job would be allowed");
        assertThat(report).containsText("covered by grant " + Api.json(grant).getString("id"));
        button(page, "Submit job").click();
        assertThat(page).hasURL(JOB_URL);
        String jobId = page.url().substring(page.url().lastIndexOf('/') + 1);

        // the job page follows the pushed events to the end of the pipeline
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1)))
                .containsText("Job " + jobId.substring(0, 8) + " — " + title);
        JsonObject inReview = DubbingPipelineIT.awaitReview(manager, jobId);
        assertEquals("IN_REVIEW", inReview.getString("state"), inReview.toString());
        // well within the page's 30 s quiet-stream check: only a pushed event shows it this soon
        LocatorAssertions.ContainsTextOptions soon = new LocatorAssertions.ContainsTextOptions().setTimeout(10_000);
        assertThat(page.getByTestId("job-state")).containsText("IN_REVIEW", soon);
        assertThat(page.getByTestId("job-live")).containsText("Progress stream ended: the job is IN_REVIEW");
        Locator spanish = page.getByTestId("progress-es-ES");
        assertThat(spanish).containsText("3 of 3 tasks done");
        assertThat(spanish).containsText("SYNTHESIZE ANNA, 2 cues");
        assertThat(page.getByTestId("job-review")).containsText("open");
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("WAV audio of cue dos")))
                .isVisible();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the full mix of es-ES")))
                .isVisible();
        portal.check(page, "manager-job");

        // cancelling asks first; keeping the job changes nothing
        button(page, "Cancel job").click();
        assertThat(page.getByRole(AriaRole.ALERTDIALOG)).containsText("Cancel this job?");
        button(page, "Keep it").click();
        assertThat(page.getByRole(AriaRole.ALERTDIALOG)).hasCount(0);
        assertThat(page.getByTestId("job-state")).containsText("IN_REVIEW");

        // QA approves every item (by API); the manager refreshes, delivers, and downloads the package
        Api qa = Api.as("qa");
        for (JsonObject item : qa.all("/api/v1/review-items?job=" + jobId)) {
            HttpResponse<String> verdict = qa.post("/api/v1/review-items/" + item.getString("id") + "/verdict",
                    "{\"verdict\":\"APPROVED\"}");
            assertEquals(200, verdict.statusCode(), verdict.body());
        }
        button(page, "Refresh").click();
        assertThat(page.getByTestId("job-state")).containsText("APPROVED");
        button(page, "Deliver").click();
        Locator delivery = page.getByTestId("delivery");
        assertThat(delivery).containsText("AVAILABLE");
        assertThat(page.getByTestId("job-state")).containsText("DELIVERED");
        Locator zip = page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Download the package (zip)"));
        APIResponse pkg = page.request().get(zip.getAttribute("href"));
        assertEquals(200, pkg.status());
        assertEquals("application/zip", pkg.headers().get("content-type"));
        for (String file : new String[] {"es-ES/full-mix.wav", "es-ES/dialogue-stem.wav", "programme.mkv", "manifest.json"}) {
            Locator link = delivery.getByRole(AriaRole.LINK, new Locator.GetByRoleOptions().setName(file).setExact(true));
            assertThat(link).isVisible();
            assertEquals(200, page.request().head(link.getAttribute("href")).status(), file);
        }

        // the job list, filtered by state
        open(page, "Jobs");
        label(page, "State").selectOption("DELIVERED");
        button(page, "Show").click();
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHasText(title));
        assertThat(row).containsText("DELIVERED");
        assertThat(row).containsText("100 %");
        assertTrue(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Job " + jobId.substring(0, 8)))
                .isVisible());
        portal.check(page, "manager-jobs");
    }
}
