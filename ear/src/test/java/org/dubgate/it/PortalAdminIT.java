package org.dubgate.it;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The administrator's pages, through the UI only: users and roles, the model registry (register an
 * installed engine, approve it, check its artifact), written approvals, and the audit ledger (search,
 * verify). Only the title a written approval is scoped to is made through the API, as a manager would.
 */
@ExtendWith(ArquillianExtension.class)
class PortalAdminIT {

    @RegisterExtension
    static final Portal portal = Portal.perClass();

    @Test
    void theAdminManagesAUserApprovesAModelRecordsAnApprovalAndVerifiesTheLedger() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String admin = "portal-admin-" + tag;
        Api.createUser(admin, "admin");
        Page page = portal.signIn(admin, Api.USER_PASSWORD);

        // users and roles: a field error next to its field, then the user, a role change, disabling
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Users").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Users and roles"))).isVisible();
        String reviewer = "portal-reviewer-" + tag;
        page.getByLabel("User name").fill(reviewer);
        page.getByLabel("Initial password").fill("too short");
        page.getByLabel("QA reviewer").check();
        button(page, "Create the user").click();
        assertThat(page.locator("#error-password")).hasText("must be 12 to 1024 characters");
        assertThat(page.getByLabel("Initial password")).hasAttribute("aria-invalid", "true");
        page.getByLabel("Initial password").fill(Api.USER_PASSWORD);
        button(page, "Create the user").click();
        assertThat(page.getByRole(AriaRole.STATUS).filter(new Locator.FilterOptions().setHasText("Created user")))
                .containsText(reviewer);
        // the user's own row (its header cell is the user name), not the role editor's row below it
        Locator row = page.getByRole(AriaRole.ROW).filter(new Locator.FilterOptions().setHas(page.getByRole(
                AriaRole.ROWHEADER, new Page.GetByRoleOptions().setName(reviewer).setExact(true))));
        assertThat(row).containsText("qa");
        assertThat(row).containsText("Enabled");

        button(page, "Change roles of " + reviewer).click();
        Locator roles = page.getByRole(AriaRole.FORM, new Page.GetByRoleOptions().setName("Roles of " + reviewer));
        roles.getByLabel("Localization manager").check();
        roles.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Save roles")).click();
        assertThat(roles).isHidden();
        assertThat(row).containsText("manager, qa");
        button(page, "Disable " + reviewer).click();
        assertThat(row).containsText("Disabled");
        assertThat(button(page, "Enable " + reviewer)).isVisible();
        portal.check(page, "admin-users");

        // the model registry: the installed espeak-ng, registered by name (the server hashes what it runs)
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Models").setExact(true)).click();
        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Model registry"))).isVisible();
        portal.check(page, "admin-models");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Register a model")).click();
        String model = "espeak-ng portal " + tag;
        page.getByLabel("Name", new Page.GetByLabelOptions().setExact(true)).fill(model);
        page.getByLabel("Kind").selectOption("VOICE");
        page.getByLabel("Engine", new Page.GetByLabelOptions().setExact(true)).fill("espeak-ng");
        page.getByLabel("Licence").fill("GPL-3.0-or-later (Debian main)");
        page.getByLabel("Training data", new Page.GetByLabelOptions().setExact(true))
                .fill("rule-based formant synthesis: no recorded speech");
        page.getByLabel("Is the training data licensed?").selectOption("true");
        page.getByLabel("Does it store inputs").selectOption("false");
        button(page, "Register the model").click();
        // the unanswered questions are named next to their fields
        assertThat(page.locator("#error-trainsOnInputs")).containsText("required");
        assertThat(page.locator("#error-executionSite")).isVisible();
        page.getByLabel("Does it train on inputs?").selectOption("false");
        page.getByLabel("Where it runs").selectOption("ON_PREMISES");
        button(page, "Register the model").click();

        assertThat(page.getByRole(AriaRole.HEADING, new Page.GetByRoleOptions().setName("Model " + model))).isVisible();
        assertThat(page.getByTestId("model-state")).hasText("Pending approval");
        String modelId = page.url().replaceAll(".*#/admin/models/", "");
        assertTrue(modelId.matches("[0-9a-f-]{36}"), page.url());
        button(page, "Approve the model").click();
        assertThat(page.getByTestId("model-state")).containsText("Approved by " + admin);
        button(page, "Check the artifact now").click();
        assertThat(page.getByTestId("artifact-check")).containsText("The artifact matches.");
        portal.check(page, "admin-model");
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("All models")).click();
        assertThat(page.locator("tr").filter(new Locator.FilterOptions().setHasText(model))).containsText("Approved");

        // a written approval for a title: recorded, listed active, revoked with a reason after confirming
        String title = "PORTAL-" + tag.toUpperCase();
        HttpResponse<String> created = Api.as("manager").post("/api/v1/titles",
                "{\"code\":\"" + title + "\",\"name\":\"Portal admin test\"}");
        assertEquals(201, created.statusCode(), created.body());
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Written approvals")).click();
        page.getByLabel("Escalation").selectOption("FINAL_PURPOSE");
        page.getByLabel("Title code").fill(title);
        page.getByLabel("The written approval").fill("Legal approves the final dub of this title under the signed contract.");
        page.getByLabel("Valid until").fill(LocalDate.now().plusDays(30).toString());
        button(page, "Record the approval").click();
        Locator approval = page.locator("tr").filter(new Locator.FilterOptions().setHasText("title " + title));
        assertThat(approval).containsText("Active");
        portal.check(page, "admin-approvals");
        approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Revoke")).click();
        approval.getByLabel("Why revoke").fill("the contract was withdrawn");
        approval.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Confirm revocation")).click();
        assertThat(approval).containsText("Revoked: the contract was withdrawn");

        // the ledger: the model's decisions found by its id, and the whole chain verified intact
        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Ledger").setExact(true)).click();
        page.getByLabel("Subject id").fill(modelId);
        button(page, "Search").click();
        Locator entries = page.locator("table.dg-admin-ledger tbody tr");
        assertThat(entries).hasCount(2);
        assertThat(entries.nth(0)).containsText("MODEL_REGISTERED");
        assertThat(entries.nth(1)).containsText("MODEL_APPROVED");
        button(page, "Verify the ledger").click();
        assertThat(page.getByTestId("ledger-verification")).containsText("The ledger is intact up to entry");
        portal.check(page, "admin-ledger");
    }

    private static Locator button(Page page, String name) {
        return page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName(name));
    }
}
