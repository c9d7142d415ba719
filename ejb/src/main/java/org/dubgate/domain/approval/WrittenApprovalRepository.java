package org.dubgate.domain.approval;

import org.dubgate.domain.shared.Page;
import org.dubgate.domain.shared.PageRequest;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

public interface WrittenApprovalRepository {

    Optional<WrittenApproval> find(UUID id);

    /** Approvals scoped to this title or (when given) this job, revoked and expired ones included. */
    List<WrittenApproval> forScope(String titleCode, Optional<UUID> jobId);

    Page<WrittenApproval> list(PageRequest page);

    void add(WrittenApproval approval);
}
