package com.wildrydes.localcloud.cloudformation.parameters;

import com.wildrydes.localcloud.cloudformation.template.TemplateException;
import com.wildrydes.localcloud.cloudformation.template.TemplateParameter;
import com.wildrydes.localcloud.cloudformation.template.TemplateParser;
import com.wildrydes.localcloud.cloudformation.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ParameterResolverTest {

    private static final SsmLookup SSM = name -> name.equals("/fleet/dev/Url")
            ? Optional.of("https://abc.execute-api.us-east-1.amazonaws.com/Prod/unicorn") : Optional.empty();

    @SuppressWarnings("unchecked")
    private static Map<String, TemplateParameter> parameters(String yaml) {
        Map<String, Object> raw = (Map<String, Object>) TemplateReader.parseYaml(
                "Parameters:\n" + yaml.indent(2) + "Resources: {Res: {Type: X}}\n");
        return TemplateParser.parse(Path.of("template.yaml"), raw).parameters();
    }

    private static ResolvedParameters resolve(String yaml, Map<String, String> overrides) {
        return ParameterResolver.resolve(parameters(yaml), overrides, SSM);
    }

    @Test
    void takesOverridesThenDefaults() {
        ResolvedParameters resolved = resolve("""
                Stage: {Type: String, Default: dev}
                Memory: {Type: Number, Default: 512}
                Zones: {Type: CommaDelimitedList, Default: 'a, b,c'}
                Secret: {Type: String, NoEcho: true}
                """, Map.of("Stage", "prod", "Secret", "s3cr3t"));
        assertThat(resolved.values()).containsEntry("Stage", "prod").containsEntry("Memory", "512")
                .containsEntry("Zones", List.of("a", "b", "c")).containsEntry("Secret", "s3cr3t");
        assertThat(resolved.displayed()).containsEntry("Secret", "****").containsEntry("Zones", "a,b,c");
    }

    @Test
    void ssmTypedParametersReadTheirValueFromSsm() {
        ResolvedParameters resolved = resolve("FleetUrl: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /fleet/dev/Url}", Map.of());
        assertThat(resolved.values()).containsEntry("FleetUrl", "https://abc.execute-api.us-east-1.amazonaws.com/Prod/unicorn");
    }

    @Test
    void aMissingSsmParameterSaysWhichStackMustPublishItFirst() {
        assertThatThrownBy(() -> resolve("RecordUrl: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /record/dev/Url}", Map.of()))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("Parameter 'RecordUrl'")
                .hasMessageContaining("names the SSM parameter /record/dev/Url, which does not exist")
                .hasMessageContaining("another stack must publish it first")
                .hasMessageContaining("Parameters: [ssm:/record/dev/Url] cannot be found.");
    }

    @Test
    void missingAndUnknownParametersUseCloudFormationsWords() {
        assertThatThrownBy(() -> resolve("A: {Type: String}\nB: {Type: String}", Map.of()))
                .hasMessage("Parameters: [A, B] must have values");
        assertThatThrownBy(() -> resolve("A: {Type: String, Default: x}", Map.of("Nope", "1")))
                .hasMessage("Parameters: [Nope] do not exist in the template");
    }

    @Test
    void constraintsUseCloudFormationsWords() {
        assertThatThrownBy(() -> resolve("Stage: {Type: String, AllowedValues: [dev, prod]}", Map.of("Stage", "test")))
                .hasMessage("Parameter 'Stage' must be one of AllowedValues");
        assertThatThrownBy(() -> resolve("Stage: {Type: String, AllowedPattern: '^[a-z0-9-]{1,16}$'}", Map.of("Stage", "Dev!")))
                .hasMessage("Parameter 'Stage' must match pattern ^[a-z0-9-]{1,16}$");
        assertThatThrownBy(() -> resolve("N: {Type: String, MinLength: 3}", Map.of("N", "ab")))
                .hasMessage("Parameter 'N' must contain at least 3 characters");
        assertThatThrownBy(() -> resolve("N: {Type: String, MaxLength: 3}", Map.of("N", "abcd")))
                .hasMessage("Parameter 'N' must contain at most 3 characters");
        assertThatThrownBy(() -> resolve("M: {Type: Number}", Map.of("M", "lots")))
                .hasMessage("Parameter 'M' must be a number");
        assertThatThrownBy(() -> resolve("M: {Type: Number, MinValue: 128}", Map.of("M", "64")))
                .hasMessage("Parameter 'M' must be a number not less than 128");
        assertThatThrownBy(() -> resolve("M: {Type: Number, MaxValue: 10240}", Map.of("M", "20000")))
                .hasMessage("Parameter 'M' must be a number not greater than 10240");
        assertThatThrownBy(() -> resolve("S: {Type: String, AllowedPattern: '[a-z]+', ConstraintDescription: lowercase letters only}",
                Map.of("S", "ABC")))
                .hasMessage("Parameter 'S' failed to satisfy constraint: lowercase letters only");
        assertThat(resolve("Stage: {Type: String, AllowedPattern: '^[a-z0-9-]{1,16}$'}", Map.of("Stage", "dev-2")).values())
                .containsEntry("Stage", "dev-2");
    }

    @Test
    void unsupportedTypesAreRefusedWithTheSupportedList() {
        assertThatThrownBy(() -> resolve("Vpc: {Type: 'AWS::EC2::VPC::Id', Default: vpc-1}", Map.of()))
                .hasMessage("Parameter 'Vpc' has the type AWS::EC2::VPC::Id, which local-cloud does not support; supported parameter"
                        + " types: AWS::SSM::Parameter::Value<String>, CommaDelimitedList, List<Number>, Number, String");
    }
}
