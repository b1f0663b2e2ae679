package com.wildrydes.localcloud.cloudformation.template;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateParserTest {

    private static final Path FILE = Path.of("/work/stage/fleet/template.yaml");

    @SuppressWarnings("unchecked")
    private static Template parse(String yaml) {
        return TemplateParser.parse(FILE, (Map<String, Object>) TemplateReader.parseYaml(yaml));
    }

    @Test
    void readsEverySection() {
        Template template = parse("""
                AWSTemplateFormatVersion: '2010-09-09'
                Description: d
                Metadata: {x: y}
                Parameters:
                  Stage: {Type: String, Default: dev, AllowedValues: [dev, prod], NoEcho: true, MinLength: 1}
                  Sizes: {Type: CommaDelimitedList, Default: [1, 2]}
                Mappings: {M: {a: {b: c}}}
                Conditions: {IsProd: !Equals [!Ref Stage, prod]}
                Resources:
                  P:
                    Type: AWS::SSM::Parameter
                    DependsOn: Q
                    Condition: IsProd
                    Metadata: {ignored: true}
                    DeletionPolicy: Retain
                    Properties: {Type: String, Value: v}
                  Q: {Type: AWS::SSM::Parameter}
                Outputs:
                  Out: {Value: !Ref P, Export: {Name: !Sub '${AWS::StackName}-out'}, Condition: IsProd}
                """);
        assertThat(template.description()).isEqualTo("d");
        assertThat(template.parameters().get("Stage").allowedValues()).containsExactly("dev", "prod");
        assertThat(template.parameters().get("Stage").noEcho()).isTrue();
        assertThat(template.parameters().get("Sizes").defaultValue()).isEqualTo("1,2");
        assertThat(template.resources().get("P").dependsOn()).containsExactly("Q");
        assertThat(template.resources().get("P").condition()).isEqualTo("IsProd");
        assertThat(template.resources().get("Q").properties()).isEmpty();
        assertThat(template.outputs().get("Out").exportName()).isEqualTo(Map.of("Fn::Sub", "${AWS::StackName}-out"));
        assertThat(template.displayName()).isEqualTo("fleet/template.yaml");
        assertThat(template.resources().keySet()).containsExactly("P", "Q");
        assertThat(template.transforms()).isEqualTo(List.of());
    }

    @Test
    void refusesStructuralMistakesWithCloudFormationsWords() {
        assertThatThrownBy(() -> parse("Resources: {}"))
                .hasMessage("fleet/template.yaml: Template format error: At least one Resources member must be defined.");
        assertThatThrownBy(() -> parse("Resources: {A: {Properties: {}}}"))
                .hasMessageContaining("[/Resources/A] Every Resources object must contain a Type member.");
        assertThatThrownBy(() -> parse("Resourcez: {}\nResources: {A: {Type: X}}"))
                .hasMessageContaining("Invalid template property or properties [Resourcez]");
        assertThatThrownBy(() -> parse("Resources: {My-Table: {Type: X}}"))
                .hasMessageContaining("Resource name My-Table is non alphanumeric.");
        assertThatThrownBy(() -> parse("Resources: {A: {Type: X, CreationPolicy: {}}}"))
                .hasMessageContaining("resource A has the attribute CreationPolicy")
                .hasMessageContaining("supported attributes: Condition, DeletionPolicy, DependsOn, Metadata, Properties, Type, UpdateReplacePolicy");
        assertThatThrownBy(() -> parse("Parameters: {P: {Default: x}}\nResources: {A: {Type: X}}"))
                .hasMessageContaining("Every Parameters object must contain a Type member. (P)");
        assertThatThrownBy(() -> parse("Resources: {A: {Type: X}}\nOutputs: {O: {Description: x}}"))
                .hasMessageContaining("Every Outputs member must contain a Value object (O)");
        assertThatThrownBy(() -> parse("AWSTemplateFormatVersion: '2011-01-01'\nResources: {A: {Type: X}}"))
                .hasMessageContaining("'2011-01-01' is not a supported version");
    }
}
