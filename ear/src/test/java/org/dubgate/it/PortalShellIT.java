package org.dubgate.it;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.opentest4j.AssertionFailedError;

import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every role meets first: signing in and out, who am I, the navigation of one's own roles only. */
@ExtendWith(ArquillianExtension.class)
class PortalShellIT {

    @RegisterExtension
    static final Portal portal = Portal.perClass();

    @Test
    void aWrongPasswordIsSaidInWordsAndTheRightOneShowsOnlyOnesOwnRoles() {
        String username = "shell-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, "qa");
        Page page = portal.signInPage();
        portal.check(page, "sign-in");
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill("not the password");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();
        assertThat(page.getByRole(AriaRole.ALERT)).containsText("do not match");

        page = portal.signIn(username, Api.USER_PASSWORD);
        assertThat(page.getByTestId("who")).containsText("qa");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).containsText("QA review");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText("Talent agent");
        assertThat(page.getByRole(AriaRole.NAVIGATION)).not().containsText("Administration");

        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign out")).click();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
        page.reload();
        assertThat(page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in"))).isVisible();
    }

    @Test
    void aSessionThatEndsUnderAPageKeepsWhatWasTypedThroughSigningInAgain() {
        String username = "expire-" + UUID.randomUUID().toString().substring(0, 8);
        Api.createUser(username, "manager");
        Page page = portal.signIn(username, Api.USER_PASSWORD);
        page.navigate("/#/manager/titles");
        String code = "KEPT-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Page.GetByLabelOptions exact = new Page.GetByLabelOptions().setExact(true);
        page.getByLabel("Code", exact).fill(code);
        page.getByLabel("Name", exact).fill("Kept through a sign-in");

        page.context().clearCookies(); // the session ends under the open form
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create title")).click();
        assertThat(page.getByText("Your session has ended")).isVisible();
        page.getByLabel("User name").fill(username);
        page.getByLabel("Password").fill(Api.USER_PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Sign in")).click();

        assertThat(page.getByText("Your session has ended")).not().isVisible();
        assertThat(page.getByLabel("Code", exact)).hasValue(code);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Create title")).click();
        assertThat(page.locator("main")).containsText(code);
        assertEquals(200, Api.as("manager").get("/api/v1/titles/" + code).statusCode());
    }

    /**
     * The page check catches what it is there for, so a page that passes it is known to be free of these;
     * and a radio group, one Tab stop, is not taken for an unreachable control.
     */
    @Test
    void thePageCheckFindsAnUnreachableControlAnInvisibleFocusAndAnUnlabelledImage() {
        Page page = portal.signInPage();
        page.evaluate("""
                () => {
                  const main = document.querySelector('main');
                  main.insertAdjacentHTML('beforeend', '<button tabindex="-1">Mouse only</button>'
                    + '<a href="#x" style="outline: none">No ring</a><img src="data:," width="10" height="10">'
                    + '<fieldset><legend>One stop</legend><input type="radio" name="r" id="r1"><label for="r1">One</label>'
                    + '<input type="radio" name="r" id="r2"><label for="r2">Two</label></fieldset>');
                }""");
        AssertionFailedError failed = assertThrows(AssertionFailedError.class, () -> portal.check(page, "broken-on-purpose"));
        assertTrue(failed.getMessage().contains("not reachable by Tab: [\"button Mouse only\"]"), failed.getMessage());
        assertTrue(failed.getMessage().contains("no visible focus on a No ring"), failed.getMessage());
        assertTrue(failed.getMessage().contains("image-alt"), failed.getMessage());
    }
}
