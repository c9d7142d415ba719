package org.dubgate.infrastructure.messaging;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.dubgate.application.port.WorkItem;

import java.io.StringReader;
import java.util.UUID;

/** The wire form of a {@link WorkItem}: {@code {"kind":"PROBE_MEDIA","subjectId":"<uuid>"}}. */
final class WorkItemMessages {

    static final String KIND_PROPERTY = "kind";

    private WorkItemMessages() {
    }

    static String toJson(WorkItem item) {
        return Json.createObjectBuilder()
                .add("kind", item.kind().name())
                .add("subjectId", item.subjectId().toString())
                .build().toString();
    }

    /** @throws IllegalArgumentException for anything that is not a well-formed work item */
    static WorkItem read(Message message) {
        if (!(message instanceof TextMessage text)) {
            throw new IllegalArgumentException("work item is not a text message: " + message.getClass().getName());
        }
        try (var reader = Json.createReader(new StringReader(text.getText()))) {
            JsonObject json = reader.readObject();
            return new WorkItem(kind(json.getString("kind")), UUID.fromString(json.getString("subjectId")));
        } catch (JMSException | JsonException | ClassCastException | NullPointerException | IllegalArgumentException e) {
            throw new IllegalArgumentException("malformed work item: " + e.getMessage(), e);
        }
    }

    /**
     * Messages queued before the stages shared one contract named the task's kind; they still name a
     * task, so an upgraded server runs them.
     */
    private static WorkItem.Kind kind(String name) {
        return switch (name) {
            case "SYNTHESIZE", "MIX", "ASSEMBLE" -> WorkItem.Kind.RUN_TASK;
            default -> WorkItem.Kind.valueOf(name);
        };
    }

    static int deliveryCount(Message message) {
        try {
            return message.getIntProperty("JMSXDeliveryCount");
        } catch (JMSException | NumberFormatException e) {
            return 0;
        }
    }
}
