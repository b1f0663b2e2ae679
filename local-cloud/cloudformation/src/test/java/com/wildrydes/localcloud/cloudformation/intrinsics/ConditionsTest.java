package com.wildrydes.localcloud.cloudformation.intrinsics;

import com.wildrydes.localcloud.cloudformation.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConditionsTest {

    private static final ResolutionContext PARAMETERS = new ResolutionContext() {
        @Override
        public Object ref(String name) {
            return switch (name) {
                case "Stage" -> "prod";
                case "Size" -> "5";
                default -> throw new IntrinsicException("Conditions can refer to parameters only, not " + name);
            };
        }

        @Override
        public Object getAtt(String logicalId, String attribute) {
            throw new IntrinsicException("Conditions cannot use Fn::GetAtt");
        }

        @Override
        public boolean condition(String name) {
            throw new IntrinsicException("no Fn::If in conditions");
        }

        @Override
        public Map<String, Object> mappings() {
            return Map.of();
        }

        @Override
        public String importValue(String exportName) {
            throw new IntrinsicException("no imports");
        }

        @Override
        public String region() {
            return "us-east-1";
        }
    };

    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> evaluate(String yaml) {
        return Conditions.evaluate((Map<String, Object>) TemplateReader.parseYaml(yaml), PARAMETERS);
    }

    @Test
    void evaluatesEqualsNotAndOrAndNamedConditions() {
        Map<String, Boolean> conditions = evaluate("""
                IsProd: !Equals [!Ref Stage, prod]
                IsDev: !Not [!Condition IsProd]
                IsFive: !Equals [5, !Ref Size]
                Both: !And [!Condition IsProd, !Condition IsFive]
                Either: !Or [!Condition IsDev, !Equals [a, b]]
                Later: !And [!Condition Both, !Not [!Condition Either]]
                """);
        assertThat(conditions).containsEntry("IsProd", true).containsEntry("IsDev", false).containsEntry("IsFive", true)
                .containsEntry("Both", true).containsEntry("Either", false).containsEntry("Later", true);
    }

    @Test
    void refusesCyclesUnknownNamesAndResources() {
        assertThatThrownBy(() -> evaluate("A: !Condition B\nB: !Not [!Condition A]"))
                .hasMessageContaining("Conditions refer to each other in a cycle: A -> B -> A");
        assertThatThrownBy(() -> evaluate("A: !Condition Missing")).hasMessageContaining("the condition Missing is not defined");
        assertThatThrownBy(() -> evaluate("A: !Equals [!Ref Table, x]"))
                .hasMessageContaining("Conditions.A").hasMessageContaining("not Table");
        assertThatThrownBy(() -> evaluate("A: !And [!Condition B]\nB: !Equals [a, a]"))
                .hasMessageContaining("Fn::And takes between 2 and 10 conditions");
        assertThatThrownBy(() -> evaluate("A: true")).hasMessageContaining("a condition must be Fn::Equals, Fn::Not, Fn::And, Fn::Or");
    }
}
