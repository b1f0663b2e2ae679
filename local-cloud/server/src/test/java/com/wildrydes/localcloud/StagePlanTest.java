package com.wildrydes.localcloud;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StagePlanTest {

    @TempDir
    Path stage;

    @Test
    void aServiceThatReadsAnotherServicesParameterDeploysAfterIt() throws IOException {
        // "a-rider" sorts first by name but reads both parameters, so it must come last.
        service("a-rider", """
                Parameters:
                  Stage: {Type: String, Default: dev}
                  FleetUrl: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /z-fleet/dev/Url}
                  RecordUrl: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /m-record/dev/Url}
                Resources: {}
                """);
        service("z-fleet", publisher("/z-fleet/${Stage}/Url"));
        service("m-record", publisher("/m-record/${Stage}/Url"));

        assertThat(StagePlan.of(stage).services()).extracting(StageService::stackName)
                .containsExactly("m-record", "z-fleet", "a-rider");
    }

    @Test
    void parameterNamesResolveTheStageAndTheStackName() throws IOException {
        service("fleet", publisher("/${AWS::StackName}/${Stage}/Url"));

        assertThat(StagePlan.of(stage).services().getFirst().publishes()).containsExactly("/fleet/dev/Url");
    }

    @Test
    void aCycleIsReportedWithTheServicesInIt() throws IOException {
        service("one", """
                Parameters:
                  Other: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /two/Url}
                Resources:
                  Url: {Type: 'AWS::SSM::Parameter', Properties: {Name: /one/Url, Type: String, Value: x}}
                """);
        service("two", """
                Parameters:
                  Other: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /one/Url}
                Resources:
                  Url: {Type: 'AWS::SSM::Parameter', Properties: {Name: /two/Url, Type: String, Value: x}}
                """);

        assertThatThrownBy(() -> StagePlan.of(stage))
                .hasMessageContaining("cycle")
                .hasMessageContaining("one -> two -> one");
    }

    @Test
    void aFolderWithoutServicesIsRefused() {
        assertThatThrownBy(() -> StagePlan.of(stage)).hasMessageContaining("holds no service");
    }

    private static String publisher(String name) {
        return """
                Parameters:
                  Stage: {Type: String, Default: dev}
                Resources:
                  Url:
                    Type: AWS::SSM::Parameter
                    Properties:
                      Name: !Sub %s
                      Type: String
                      Value: x
                """.formatted(name);
    }

    private void service(String name, String template) throws IOException {
        Files.createDirectories(stage.resolve(name));
        Files.writeString(stage.resolve(name).resolve("template.yaml"), template);
    }
}
