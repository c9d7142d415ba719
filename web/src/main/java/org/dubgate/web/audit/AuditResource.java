package org.dubgate.web.audit;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.dubgate.application.audit.AuditReader;
import org.dubgate.domain.audit.AuditRepository;
import org.dubgate.domain.identity.Role;
import org.dubgate.domain.shared.InvalidInputException;
import org.dubgate.domain.shared.PageRequest;
import org.dubgate.web.PageResponse;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

@Path("/audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Role.ADMIN_NAME)
@Tag(name = "audit")
public class AuditResource {

    @Inject
    AuditReader reader;

    @GET
    @Operation(summary = "Ledger entries in order, filtered by subject, performer and time [from, to), cursor-paged")
    public PageResponse<AuditEntryResponse> search(@QueryParam("subject") String subject,
                                                   @QueryParam("performer") String performer,
                                                   @QueryParam("from") String from, @QueryParam("to") String to,
                                                   @QueryParam("after") String after,
                                                   @QueryParam("limit") @DefaultValue("100") int limit) {
        var filter = new AuditRepository.Filter(Optional.ofNullable(subject), Optional.ofNullable(performer)
                .map(p -> parse("performer", p, UUID::fromString)), Optional.empty(),
                Optional.ofNullable(from).map(f -> parse("from", f, Instant::parse)),
                Optional.ofNullable(to).map(t -> parse("to", t, Instant::parse)));
        return PageResponse.of(reader.search(filter, new PageRequest(Optional.ofNullable(after), limit)),
                AuditEntryResponse::of);
    }

    @GET
    @Path("/verification")
    @Operation(summary = "Walk the whole chain: valid, or the first broken entry and why")
    public AuditReader.Verification verify() {
        return reader.verify();
    }

    private static <T> T parse(String field, String value, java.util.function.Function<String, T> parser) {
        try {
            return parser.apply(value);
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw InvalidInputException.of(field, "'" + value + "' is not a valid " + field);
        }
    }
}
