package org.dubgate.application.pipeline;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.dubgate.domain.job.TaskKind;

import java.util.EnumMap;
import java.util.Map;

/**
 * Every stage bean by the kind of task it runs. A task kind without its stage, or with two, stops
 * the deployment: the mistake shows at once, not when the first such task is dispatched.
 */
@ApplicationScoped
public class Stages {

    @Inject
    @Any
    Instance<Stage<?, ?>> all;

    private final Map<TaskKind, Stage<?, ?>> byKind = new EnumMap<>(TaskKind.class);

    @PostConstruct
    void index() {
        for (Stage<?, ?> stage : all) {
            if (byKind.put(stage.kind(), stage) != null) {
                throw new IllegalStateException("two stages run " + stage.kind() + " tasks");
            }
        }
        for (TaskKind kind : TaskKind.values()) {
            if (!byKind.containsKey(kind)) {
                throw new IllegalStateException("no stage runs " + kind + " tasks");
            }
        }
    }

    public Stage<?, ?> of(TaskKind kind) {
        return byKind.get(kind);
    }
}
