package com.wildrydes.systemtests.browser;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.List;

/**
 * Runs browser tests only where Chromium and chromedriver are installed, and says so when it skips
 * them. In CI ({@code CI=true}) a missing browser is not a reason to skip: the tests then run and
 * fail, saying what to install. Checked before the stage is deployed, so a skip costs nothing.
 */
final class ChromiumInstalled implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        List<String> missing = Chromium.missing();
        if (missing.isEmpty()) {
            return ConditionEvaluationResult.enabled("Chromium and chromedriver are installed");
        }
        if (Chromium.inCi()) {
            return ConditionEvaluationResult.enabled("CI=true: the browser tests run, and fail, without Chromium");
        }
        String reason = "browser tests skipped: " + Chromium.missingMessage(missing);
        System.out.println(reason);
        return ConditionEvaluationResult.disabled(reason);
    }
}
