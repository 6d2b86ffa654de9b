package org.dit.containers;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;

/**
 * Runs the container suite only where a Docker engine answers and the locally built PostgreSQL image exists (CI on
 * these machines builds both in .ci/run). Elsewhere the suite is skipped, and says so on the console: never silently.
 */
final class RequiresLocalPostgresImage implements ExecutionCondition {

    private static volatile ConditionEvaluationResult result;

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        if (result == null) {
            result = evaluate();
            if (result.isDisabled()) {
                System.out.println("[container suite] SKIPPED: " + result.getReason().orElse("") + " (run .ci/run, which "
                        + "starts dockerd and builds " + LocalPostgresContainer.IMAGE + ")");
            }
        }
        return result;
    }

    private static ConditionEvaluationResult evaluate() {
        try {
            if (!DockerClientFactory.instance().isDockerAvailable()) {
                return ConditionEvaluationResult.disabled("no Docker engine can be reached");
            }
            DockerClientFactory.instance().client().inspectImageCmd(LocalPostgresContainer.IMAGE).exec();
            return ConditionEvaluationResult.enabled("Docker engine and " + LocalPostgresContainer.IMAGE + " present");
        } catch (RuntimeException e) {
            return ConditionEvaluationResult.disabled("the image " + LocalPostgresContainer.IMAGE + " is not built here ("
                    + e.getClass().getSimpleName() + ")");
        }
    }
}
