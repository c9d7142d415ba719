package org.dubgate.domain.gate;

import org.dubgate.domain.approval.WrittenApproval;
import org.dubgate.domain.consent.ConsentGrant;
import org.dubgate.domain.model.AiModel;
import org.dubgate.domain.model.HashState;
import org.dubgate.domain.performer.Performer;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What is on record for a plan: its performers and their grants, its models, the approvals in scope. */
public record GateFacts(Map<UUID, Performer> performers, List<ConsentGrant> grants, Map<UUID, AiModel> models,
                        Map<UUID, HashState> artifactHashes, List<WrittenApproval> approvals) {
}
