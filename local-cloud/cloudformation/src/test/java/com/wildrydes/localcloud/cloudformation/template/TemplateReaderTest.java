package com.wildrydes.localcloud.cloudformation.template;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateReaderTest {

    @TempDir
    Path dir;

    private static Object yaml(String text) {
        return ((Map<?, ?>) TemplateReader.parseYaml("v: " + text)).get("v");
    }

    @Test
    void refAndConditionBecomeTheirLongForms() {
        assertThat(yaml("!Ref Table")).isEqualTo(Map.of("Ref", "Table"));
        assertThat(yaml("!Condition IsProd")).isEqualTo(Map.of("Condition", "IsProd"));
    }

    @Test
    void getAttTakesBothTheDottedAndTheListForm() {
        assertThat(yaml("!GetAtt Table.Arn")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "Arn")));
        assertThat(yaml("!GetAtt Db.Endpoint.Address")).isEqualTo(Map.of("Fn::GetAtt", List.of("Db", "Endpoint.Address")));
        assertThat(yaml("!GetAtt [Table, StreamArn]")).isEqualTo(Map.of("Fn::GetAtt", List.of("Table", "StreamArn")));
    }

    @Test
    void subTakesBothTheStringAndTheListForm() {
        assertThat(yaml("!Sub 'arn:${AWS::Partition}:x'")).isEqualTo(Map.of("Fn::Sub", "arn:${AWS::Partition}:x"));
        assertThat(yaml("!Sub ['${A}-${B}', {A: !Ref P, B: b}]"))
                .isEqualTo(Map.of("Fn::Sub", List.of("${A}-${B}", Map.of("A", Map.of("Ref", "P"), "B", "b"))));
    }

    @Test
    void everyOtherShortFormBecomesFnName() {
        assertThat(yaml("!Join [',', [a, b]]")).isEqualTo(Map.of("Fn::Join", List.of(",", List.of("a", "b"))));
        assertThat(yaml("!Select [0, !Split [',', 'a,b']]"))
                .isEqualTo(Map.of("Fn::Select", List.of(0, Map.of("Fn::Split", List.of(",", "a,b")))));
        assertThat(yaml("!If [IsProd, a, !Ref AWS::NoValue]"))
                .isEqualTo(Map.of("Fn::If", List.of("IsProd", "a", Map.of("Ref", "AWS::NoValue"))));
        assertThat(yaml("!Equals [a, !Ref P]")).isEqualTo(Map.of("Fn::Equals", List.of("a", Map.of("Ref", "P"))));
        assertThat(yaml("!Not [!Condition C]")).isEqualTo(Map.of("Fn::Not", List.of(Map.of("Condition", "C"))));
        assertThat(yaml("!And [!Condition A, !Condition B]"))
                .isEqualTo(Map.of("Fn::And", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))));
        assertThat(yaml("!Or [!Condition A, !Condition B]"))
                .isEqualTo(Map.of("Fn::Or", List.of(Map.of("Condition", "A"), Map.of("Condition", "B"))));
        assertThat(yaml("!FindInMap [M, k1, k2]")).isEqualTo(Map.of("Fn::FindInMap", List.of("M", "k1", "k2")));
        assertThat(yaml("!Base64 text")).isEqualTo(Map.of("Fn::Base64", "text"));
        assertThat(yaml("!GetAZs ''")).isEqualTo(Map.of("Fn::GetAZs", ""));
        assertThat(yaml("!ImportValue shared-url")).isEqualTo(Map.of("Fn::ImportValue", "shared-url"));
        assertThat(yaml("!Cidr [10.0.0.0/16, 4, 8]")).isEqualTo(Map.of("Fn::Cidr", List.of("10.0.0.0/16", 4, 8)));
    }

    @Test
    void shortFormsNestInsideMapsAndLists() {
        Object value = yaml("{Variables: {URL: !Sub 'https://${Api}/x', LIST: [!Ref A, !GetAtt B.Arn]}}");
        assertThat(value).isEqualTo(Map.of("Variables", Map.of(
                "URL", Map.of("Fn::Sub", "https://${Api}/x"),
                "LIST", List.of(Map.of("Ref", "A"), Map.of("Fn::GetAtt", List.of("B", "Arn"))))));
    }

    @Test
    void scalarsAreTypedAsCloudFormationReadsThem() {
        Map<?, ?> values = (Map<?, ?>) TemplateReader.parseYaml("""
                version: 2012-10-17
                yes: yes
                on: off
                octal: 0755
                int: 512
                decimal: 0.5
                flag: true
                nothing: ~
                """);
        assertThat(values.get("version")).isEqualTo("2012-10-17");
        assertThat(values.get("yes")).isEqualTo("yes");
        assertThat(values.get("on")).isEqualTo("off");
        assertThat(values.get("octal")).isEqualTo("0755");
        assertThat(values.get("int")).isEqualTo(512);
        assertThat(values.get("decimal")).isEqualTo(0.5);
        assertThat(values.get("flag")).isEqualTo(true);
        assertThat(values.get("nothing")).isNull();
    }

    @Test
    void readsJsonTemplates() throws Exception {
        Path file = Files.writeString(dir.resolve("template.json"), """
                {"Resources": {"T": {"Type": "AWS::SSM::Parameter",
                  "Properties": {"Value": {"Fn::Join": ["-", [{"Ref": "AWS::Region"}, "x"]]}, "Type": "String"}}}}
                """);
        Map<String, Object> template = TemplateReader.read(file);
        assertThat(template).containsKey("Resources");
        Template parsed = TemplateParser.parse(file, template);
        assertThat(parsed.resources().get("T").properties().get("Value"))
                .isEqualTo(Map.of("Fn::Join", List.of("-", List.of(Map.of("Ref", "AWS::Region"), "x"))));
    }

    @Test
    void yamlErrorsNameTheFile() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("fleet"));
        Path file = Files.writeString(folder.resolve("template.yaml"), "Resources:\n  A: {Type: x}\n  A: {Type: y}\n");
        assertThatThrownBy(() -> TemplateReader.read(file))
                .hasMessageStartingWith("fleet/template.yaml: not valid YAML")
                .hasMessageContaining("duplicate key A");
    }

    @Test
    void duplicateJsonKeysAreRefused() throws Exception {
        Path file = Files.writeString(dir.resolve("t.json"), "{\"Resources\": {}, \"Resources\": {}}");
        assertThatThrownBy(() -> TemplateReader.read(file)).hasMessageContaining("not valid JSON").hasMessageContaining("Resources");
    }

    @Test
    void aMissingTemplateIsNamed() {
        assertThatThrownBy(() -> TemplateReader.read(dir.resolve("nope.yaml")))
                .isInstanceOf(TemplateException.class).hasMessageContaining("nope.yaml does not exist");
    }
}
