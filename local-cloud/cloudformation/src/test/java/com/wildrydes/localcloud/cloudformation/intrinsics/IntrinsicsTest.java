package com.wildrydes.localcloud.cloudformation.intrinsics;

import com.wildrydes.localcloud.cloudformation.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IntrinsicsTest {

    /** Parameters, resources and exports of a small imaginary stack. */
    private static final ResolutionContext CONTEXT = new ResolutionContext() {
        @Override
        public Object ref(String name) {
            return switch (name) {
                case "Stage" -> "prod";
                case "Zones" -> List.of("a", "b", "c");
                case "Table" -> "fleet-Table-ABC";
                case "Api" -> "a1b2c3d4e5";
                case "AWS::Region" -> "us-east-1";
                case "AWS::AccountId" -> "000000000000";
                default -> throw new IntrinsicException("Unresolved resource dependencies [" + name + "]");
            };
        }

        @Override
        public Object getAtt(String logicalId, String attribute) {
            if (logicalId.equals("Table") && attribute.equals("Arn")) {
                return "arn:aws:dynamodb:us-east-1:000000000000:table/fleet-Table-ABC";
            }
            if (logicalId.equals("Seed") && attribute.equals("Nested.Key")) {
                return "nested";
            }
            throw new IntrinsicException("no attribute " + logicalId + "." + attribute);
        }

        @Override
        public boolean condition(String name) {
            return switch (name) {
                case "IsProd" -> true;
                case "IsDev" -> false;
                default -> throw new IntrinsicException("the condition " + name + " is not defined");
            };
        }

        @Override
        public Map<String, Object> mappings() {
            return Map.of("Sizes", Map.of("prod", Map.of("Memory", 1024, "Zones", List.of("x", "y"))));
        }

        @Override
        public String importValue(String exportName) {
            if (exportName.equals("prod-fleet-url")) {
                return "https://fleet";
            }
            throw new IntrinsicException("No export named " + exportName + " found");
        }

        @Override
        public String region() {
            return "us-east-1";
        }
    };

    private final Intrinsics intrinsics = new Intrinsics(CONTEXT);

    private Object eval(String yaml) {
        return intrinsics.resolve(((Map<?, ?>) TemplateReader.parseYaml("v: " + yaml)).get("v"), "Value");
    }

    @Test
    void refGivesParametersAndPhysicalIds() {
        assertThat(eval("!Ref Stage")).isEqualTo("prod");
        assertThat(eval("!Ref Table")).isEqualTo("fleet-Table-ABC");
        assertThat(eval("!Ref Zones")).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void getAttInBothForms() {
        assertThat(eval("!GetAtt Table.Arn")).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/fleet-Table-ABC");
        assertThat(eval("{'Fn::GetAtt': [Table, Arn]}")).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/fleet-Table-ABC");
        assertThat(eval("!GetAtt [Seed, Nested.Key]")).isEqualTo("nested");
    }

    @Test
    void subReplacesParametersPseudoParametersAttributesAndVariables() {
        assertThat(eval("!Sub 'https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}/unicorn'"))
                .isEqualTo("https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com/prod/unicorn");
        assertThat(eval("!Sub '${Table.Arn}/index/*'"))
                .isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/fleet-Table-ABC/index/*");
        assertThat(eval("!Sub ['${Name}-${Stage}', {Name: !Select [1, !Ref Zones]}]")).isEqualTo("b-prod");
        assertThat(eval("!Sub '${!Literal} and ${ Stage }'")).isEqualTo("${Literal} and prod");
        assertThat(eval("!Sub 'no placeholders'")).isEqualTo("no placeholders");
    }

    @Test
    void subRefusesListsAndUnknownNames() {
        assertThatThrownBy(() -> eval("!Sub '${Zones}'")).hasMessageContaining("${Zones} resolves to a list");
        assertThatThrownBy(() -> eval("!Sub '${Missing}'")).hasMessageContaining("Value (Fn::Sub)")
                .hasMessageContaining("Unresolved resource dependencies [Missing]");
        assertThatThrownBy(() -> eval("!Sub 'a ${Stage'")).hasMessageContaining("unclosed ${");
        assertThatThrownBy(() -> eval("!Sub [a, b, c]")).hasMessageContaining("Fn::Sub takes a string or [String, {Variables}]");
    }

    @Test
    void joinSelectSplitAndBase64() {
        assertThat(eval("!Join [',', [a, !Ref Stage, 3]]")).isEqualTo("a,prod,3");
        assertThat(eval("!Join ['', !Ref Zones]")).isEqualTo("abc");
        assertThat(eval("!Select ['2', !Ref Zones]")).isEqualTo("c");
        assertThat(eval("!Split ['/', 'a//b']")).isEqualTo(List.of("a", "", "b"));
        assertThat(eval("!Select [1, !Split [':', !GetAtt Table.Arn]]")).isEqualTo("aws");
        assertThat(eval("!Base64 {Ref: Stage}"))
                .isEqualTo(Base64.getEncoder().encodeToString("prod".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void nestedFunctionsResolveInsideOut() {
        assertThat(eval("!Join ['-', [!Select [0, !Split [',', !Join [',', !Ref Zones]]], !FindInMap [Sizes, !Ref Stage, Memory]]]"))
                .isEqualTo("a-1024");
    }

    @Test
    void ifPicksABranchAndNoValueDropsTheEntry() {
        assertThat(eval("!If [IsProd, big, small]")).isEqualTo("big");
        assertThat(eval("!If [IsDev, big, !Ref Stage]")).isEqualTo("prod");
        assertThat(eval("{A: 1, B: !If [IsDev, 2, !Ref AWS::NoValue]}")).isEqualTo(Map.of("A", 1));
        assertThat(eval("[a, !If [IsDev, b, !Ref AWS::NoValue], c]")).isEqualTo(List.of("a", "c"));
        assertThat(eval("!Ref AWS::NoValue")).isEqualTo(NoValue.INSTANCE);
        assertThatThrownBy(() -> eval("!If [Unknown, a, b]")).hasMessageContaining("the condition Unknown is not defined");
    }

    @Test
    void findInMapImportValueAndGetAZs() {
        assertThat(eval("!FindInMap [Sizes, prod, Zones]")).isEqualTo(List.of("x", "y"));
        assertThat(eval("!ImportValue {'Fn::Sub': '${Stage}-fleet-url'}")).isEqualTo("https://fleet");
        assertThat(eval("!GetAZs ''")).isEqualTo(List.of("us-east-1a", "us-east-1b", "us-east-1c"));
        assertThatThrownBy(() -> eval("!FindInMap [Sizes, dev, Memory]")).hasMessageContaining("Unable to get mapping for Sizes::dev::Memory");
        assertThatThrownBy(() -> eval("!ImportValue nope")).hasMessageContaining("No export named nope found");
    }

    @Test
    void errorsNameWhereTheyHappened() {
        assertThatThrownBy(() -> intrinsics.resolve(TemplateReader.parseYaml("{Environment: {Variables: {URL: !Select [5, !Ref Zones]}}}"), ""))
                .hasMessage("Environment.Variables.URL (Fn::Select): Fn::Select cannot select nonexistent value at index 5 (the list has 3 values)");
        assertThatThrownBy(() -> eval("!GetAtt NoDot")).hasMessageContaining("Fn::GetAtt takes [LogicalId, Attribute]");
        assertThatThrownBy(() -> eval("!Join [',', [[a]]]")).hasMessageContaining("Fn::Join's values must be strings");
        assertThatThrownBy(() -> eval("!Ref [a]")).hasMessageContaining("Ref takes the name of a parameter or resource");
    }

    @Test
    void unsupportedFunctionsAreRefusedWithTheSupportedList() {
        assertThatThrownBy(() -> eval("!Cidr [10.0.0.0/16, 4, 8]"))
                .hasMessageContaining("the intrinsic function Fn::Cidr is not supported by local-cloud")
                .hasMessageContaining("supported functions: Fn::Base64, Fn::FindInMap, Fn::GetAZs, Fn::GetAtt, Fn::If,"
                        + " Fn::ImportValue, Fn::Join, Fn::Select, Fn::Split, Fn::Sub, Ref");
        assertThatThrownBy(() -> eval("!Equals [a, b]")).hasMessageContaining("can be used only in the Conditions section");
    }

    @Test
    void iamConditionBlocksAreDataNotFunctions() {
        Object statement = eval("{Effect: Allow, Condition: {StringEquals: {'aws:SourceAccount': !Ref AWS::AccountId}}}");
        assertThat(statement).isEqualTo(Map.of("Effect", "Allow",
                "Condition", Map.of("StringEquals", Map.of("aws:SourceAccount", "000000000000"))));
    }
}
