package com.wildrydes.localcloud.cloudformation.intrinsics;

import com.wildrydes.localcloud.cloudformation.template.TemplateReader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ReferencesTest {

    @Test
    void findsRefGetAttAndSubNamesButNotSubVariablesOrUntakenBranches() {
        Object value = TemplateReader.parseYaml("""
                A: !Ref Table
                B: !GetAtt Fn.Arn
                C: !Sub ['${Api}/${Local}/${Role.Arn}/${AWS::Region}/${!Escaped}', {Local: !Ref Param}]
                D: !If [IsProd, !Ref ProdOnly, !Ref DevOnly]
                """);
        assertThat(References.in(value, Map.of("IsProd", false))).containsExactlyInAnyOrder(
                new Reference("Table", null, false),
                new Reference("Fn", "Arn", true),
                new Reference("Param", null, false),
                new Reference("Api", null, false),
                new Reference("Role", "Arn", true),
                new Reference("AWS::Region", null, false),
                new Reference("DevOnly", null, false));
    }
}
