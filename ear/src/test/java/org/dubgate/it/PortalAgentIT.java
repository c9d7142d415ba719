package org.dubgate.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.regex.Pattern;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The talent agent's pages in a real browser, through the portal only: an agent adds a performer,
 * uploads the signed consent and records a grant for it (after the server's message about a vague
 * description shows next to that field), sees the grant active, revokes it with a reason after the
 * confirm step and sees it revoked, also in the usage report; and another agency's performer appears
 * nowhere to them, not in the list, not in the grant form, not by its address.
 */
@ExtendWith(ArquillianExtension.class)
class PortalAgentIT {

    private static final String DESCRIPTION = "Synthesize the performer's voice for the Spanish temporary dub of this "
            + "episode, for internal review screenings only, never for delivery.";

    @RegisterExtension
    static final Portal portal = Portal.perClass();

    private static Locator heading(Page page) {
        return page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(1));
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name).setExact(true));
    }

    private static Locator field(Page page, String label) {
        return page.getByLabel(label, new Page.GetByLabelOptions().setExact(true));
    }

    @Test
    void anAgentRecordsAGrantWithSignedEvidenceAndRevokesIt() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String title = "PAG-" + run.toUpperCase();
        assertEquals(201, Api.as("manager").post("/api/v1/titles", "{\"code\":\"" + title + "\",\"name\":\"Portal agent "
                + run + "\"}").statusCode());
        String agent = "agent-portal-" + run;
        Api.createUser(agent, "agent", "Portal Agency " + run);
        Path signed = Files.write(Files.createTempDirectory("portal-agent-").resolve("signed-consent.pdf"), Fixtures.PDF);
        String legalName = "Lena Portal " + run;

        // the agency's performers: none yet; a new one added through the form
        Page page = portal.signIn(agent, Api.USER_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Performers").setExact(true)).click();
        assertThat(heading(page)).hasText("Performers");
        assertThat(page.locator("main")).containsText("No performers yet");
        portal.check(page, "agent-performers");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Add a performer")).click();
        assertThat(heading(page)).hasText("Add a performer");
        field(page, "Legal name (required)").fill(legalName);
        field(page, "Stage name").fill("Lena P.");
        button(page, "Add performer").click();
        assertThat(heading(page)).hasText("Lena P. (" + legalName + ")");
        assertThat(page.locator("main")).containsText("No consent recorded for this performer yet.");

        // the grant form: the signed document uploaded with its progress, the terms entered
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a grant for Lena P.")).click();
        assertThat(heading(page)).hasText("Record a consent grant for Lena P. (" + legalName + ")");
        field(page, "Upload the signed document (PDF, PNG or JPEG)").setInputFiles(signed);
        assertThat(page.locator("#dg-agent-evidence-progress")).isVisible();
        assertThat(page.locator("dg-agent-evidence")).containsText("Uploaded");
        assertThat(page.locator("dg-agent-evidence")).containsText("signed-consent.pdf");
        assertThat(field(page, "Evidence document id")).hasValue(Pattern.compile("[0-9a-f-]{36}"));
        field(page, "Titles (explicit title codes, at least one)").fill(title.toLowerCase());
        button(page, "Add title").click();
        assertThat(page.locator("dg-agent-values[name=titles] li")).hasText(Pattern.compile(title + " \\(Portal agent "));
        field(page, "Languages (BCP 47 tags, at least one)").fill("es");
        field(page, "Languages (BCP 47 tags, at least one)").press("Enter");
        // typed but not added: the form adds it on sending
        field(page, "Territories (country codes or WORLDWIDE, at least one)").fill("es");
        field(page, "Valid until (UTC)").fill(LocalDateTime.now(ZoneOffset.UTC).plusDays(30).truncatedTo(ChronoUnit.MINUTES)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm")));
        field(page, "Description of the intended use (required)").fill("voice dub");
        field(page, "Compensation reference (required)").fill("CONTRACT-" + run);
        assertThat(field(page, "Signed by")).hasValue(legalName);

        // a failing submit: the server's message stands next to the field it names
        button(page, "Record grant").click();
        Locator description = field(page, "Description of the intended use (required)");
        assertThat(page.locator("#error-description")).containsText("too vague");
        assertThat(description).hasAttribute("aria-invalid", "true");
        assertThat(description).hasAttribute("aria-describedby", Pattern.compile("\\berror-description\\b"));
        assertThat(page.locator("dg-agent-values[name=territories] li")).hasText(Pattern.compile("ES \\(Spain\\)"));
        portal.check(page, "agent-grant-form");

        description.fill(DESCRIPTION);
        button(page, "Record grant").click();

        // the performer's page: the grant is active now, and in the usage report
        assertThat(heading(page)).hasText("Lena P. (" + legalName + ")");
        Locator grant = page.locator("dg-agent-grants tbody tr");
        assertThat(grant).hasCount(1);
        assertThat(grant.getByTestId("standing")).hasText("Active");
        assertThat(grant).containsText(title);
        assertThat(grant).containsText("es (Spanish)");
        assertThat(grant).containsText("ES (Spain)");
        assertThat(page.locator("dg-agent-usage tbody")).containsText("Grant recorded");
        portal.check(page, "agent-performer");

        // revocation: a confirm step that asks for the reason, then the grant is revoked at once
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Revoke the grant for " + title)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setLevel(3))).containsText("Revoke the grant");
        assertThat(field(page, "Reason for the revocation (required)")).isFocused();
        button(page, "Revoke grant").click();
        assertThat(page.locator("#error-reason")).containsText("required");
        assertThat(grant.getByTestId("standing")).hasText("Active");
        field(page, "Reason for the revocation (required)").fill("The performer withdrew consent in writing.");
        button(page, "Revoke grant").click();
        assertThat(grant.getByTestId("standing")).hasText("Revoked");
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("is revoked"))).isVisible();
        assertThat(page.locator("dg-agent-usage tbody")).containsText("Grant revoked");
        assertThat(page.locator("dg-agent-usage tbody")).containsText("The performer withdrew consent in writing.");
    }

    @Test
    void anAgentNeverSeesAnotherAgencysPerformer() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String agentA = "agent-a-" + run;
        String agentB = "agent-b-" + run;
        Api.createUser(agentA, "agent", "Agency A " + run);
        Api.createUser(agentB, "agent", "Agency B " + run);
        // the other agency's performer, recorded by its own agent
        String otherName = "Bea Elsewhere " + run;
        String other = Fixtures.performer(Api.basic(agentB, Api.USER_PASSWORD), otherName);
        String ownName = "Ada Here " + run;
        Fixtures.performer(Api.basic(agentA, Api.USER_PASSWORD), ownName);

        Page page = portal.signIn(agentA, Api.USER_PASSWORD);
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Performers").setExact(true)).click();
        Locator main = page.locator("main");
        assertThat(main).containsText(ownName);
        assertThat(main).not().containsText(otherName);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Record a grant").setExact(true)).first().click();
        assertThat(heading(page)).hasText("Record a consent grant");
        Locator performers = field(page, "Performer (required)");
        assertThat(performers).containsText(ownName);
        assertThat(performers).not().containsText(otherName);

        // by its address: as if it did not exist, its name nowhere
        page.navigate("/#/agent/performers/" + other);
        assertThat(heading(page)).hasText("Performer not found");
        assertThat(main).not().containsText(otherName);
        page.navigate("/#/agent/performers/" + other + "/grants/new");
        assertThat(heading(page)).hasText("Performer not found");
        page.navigate("/#/agent/performers/" + other + "/edit");
        assertThat(heading(page)).hasText("Performer not found");
        assertThat(main).not().containsText(otherName);
    }
}
