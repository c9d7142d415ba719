package org.dubgate.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(
        info = @Info(title = "dubgate", version = "1",
                description = "Localization and AI-dubbing orchestration with a performer-consent gate. "
                        + "Errors are RFC 9457 application/problem+json."),
        security = {@SecurityRequirement(name = "basic"), @SecurityRequirement(name = "session")})
@SecuritySchemes({
        @SecurityScheme(securitySchemeName = "basic", type = SecuritySchemeType.HTTP, scheme = "basic",
                description = "Username and password; exchange them once for a session token at POST /sessions"),
        @SecurityScheme(securitySchemeName = "session", type = SecuritySchemeType.HTTP, scheme = "bearer",
                description = "The token from POST /sessions (also accepted as the dubgate_session cookie)")})
public class DubgateApi extends Application {
}
