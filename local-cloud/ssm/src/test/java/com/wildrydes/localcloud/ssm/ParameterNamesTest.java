package com.wildrydes.localcloud.ssm;

import com.wildrydes.localcloud.http.AwsServiceException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ParameterNamesTest {

    @ParameterizedTest
    @ValueSource(strings = {"plain", "/wild-rydes/table_name", "/a/b.c/d-e", "/x", "Dotted.Name"})
    void acceptsValidNames(String name) {
        assertThat(ParameterNames.validForPut(name)).isEqualTo(name);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "/a b | ValidationException | Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). If formed",
            "/a//b | ValidationException | Parameter name: can't be prefixed",
            "/a/ | ValidationException | Parameter name: can't be prefixed",
            "a/b | ValidationException | Parameter name must be a fully qualified name.",
            "awsthing | ValidationException | Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).",
            "SSM-x | ValidationException | Parameter name: can't be prefixed with \"aws\" or \"ssm\" (case-insensitive).",
            "/aws/reserved | AccessDeniedException | No access to reserved parameter name: /aws/reserved.",
            "/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16 | HierarchyLevelLimitExceededException | A hierarchy can have a maximum of 15 levels.",
    })
    void refusesInvalidNamesWithAwsCodes(String name, String code, String messageStart) {
        AwsServiceException e = catchThrowableOfType(AwsServiceException.class, () -> ParameterNames.validForPut(name));
        assertThat(e.errorCode()).isEqualTo(code);
        assertThat(e.getMessage()).startsWith(messageStart);
    }

    @Test
    void acceptsFifteenLevels() {
        assertThat(ParameterNames.validForPut("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15")).startsWith("/1/");
    }

    @Test
    void placesNamesUnderPathsOneLevelOrRecursively() {
        assertThat(ParameterNames.isUnder("/app/db/url", "/app", false)).isFalse();
        assertThat(ParameterNames.isUnder("/app/db/url", "/app", true)).isTrue();
        assertThat(ParameterNames.isUnder("/app/db/url", "/app/db", false)).isTrue();
        assertThat(ParameterNames.isUnder("/application/x", "/app", true)).isFalse();
        assertThat(ParameterNames.isUnder("/app", "/app", true)).isFalse();
        assertThat(ParameterNames.isUnder("plain", "/", false)).isTrue();
        assertThat(ParameterNames.isUnder("/top", "/", false)).isTrue();
        assertThat(ParameterNames.isUnder("/top/next", "/", false)).isFalse();
        assertThat(ParameterNames.isUnder("/top/next", "/", true)).isTrue();
    }

    @Test
    void normalisesAndChecksPaths() {
        assertThat(ParameterNames.validPath("/app/")).isEqualTo("/app");
        assertThat(ParameterNames.validPath("/")).isEqualTo("/");
        assertThat(catchThrowableOfType(AwsServiceException.class, () -> ParameterNames.validPath("app")).getMessage())
                .startsWith("The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash");
    }
}
