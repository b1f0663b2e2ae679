package com.wildrydes.systemtests;

import com.wildrydes.localcloud.LocalCloud;
import com.wildrydes.localcloud.LocalCloudOptions;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Path;

/**
 * Starts local-cloud in-process on a free loopback port, deploys the annotated stage's real templates
 * and artifacts, and tears it all down (every function JVM included) after the class.
 */
final class LocalCloudExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LocalCloudExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        DeployedStage annotation = context.getRequiredTestClass().getAnnotation(DeployedStage.class);
        Path stageDir = Stages.repositoryRoot().resolve(annotation.value());
        LocalCloud cloud = LocalCloud.start(LocalCloudOptions.ephemeral());
        RunningStage stage = new RunningStage(cloud, stageDir);
        // Registered before deploying, so a failed deploy still stops whatever it started.
        context.getStore(NAMESPACE).put(RunningStage.class, stage);
        stage.deploy();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == RunningStage.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getStore(NAMESPACE).get(RunningStage.class, RunningStage.class);
    }
}
