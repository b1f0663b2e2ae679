package com.wildrydes.localcloud.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.wildrydes.localcloud.http.AwsServiceException;
import com.wildrydes.localcloud.json.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Parameter Store in process: versions, selectors, paging, persistence and the console view. */
class SsmServiceTest {

    private static final Instant NOW = Instant.parse("2026-11-27T09:41:07.123Z");

    @TempDir
    Path dataDir;

    private final SsmService ssm = new SsmService("eu-west-1", "111122223333", Optional.empty(), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void putsNewVersionsOnlyWhenAskedToOverwrite() {
        assertThat(call("PutParameter", "{'Name':'/app/url','Value':'v1','Type':'String'}")).isEqualTo(json("{'Version':1,'Tier':'Standard'}"));
        assertThat(error("PutParameter", "{'Name':'/app/url','Value':'v2','Type':'String'}").errorCode()).isEqualTo("ParameterAlreadyExists");
        assertThat(call("PutParameter", "{'Name':'/app/url','Value':'v2','Overwrite':true}").get("Version").asInt()).isEqualTo(2);
        JsonNode parameter = call("GetParameter", "{'Name':'/app/url'}").get("Parameter");
        assertThat(parameter).isEqualTo(json("""
                {'Name':'/app/url','Type':'String','Value':'v2','Version':2,'LastModifiedDate':1795772467.123,
                 'ARN':'arn:aws:ssm:eu-west-1:111122223333:parameter/app/url','DataType':'text'}"""));
        assertThat(call("GetParameter", "{'Name':'/app/url:1'}").get("Parameter").get("Value").asText()).isEqualTo("v1");
        assertThat(call("GetParameter", "{'Name':'/app/url:1'}").get("Parameter").get("Selector").asText()).isEqualTo(":1");
        assertThat(error("GetParameter", "{'Name':'/app/url:7'}").errorCode()).isEqualTo("ParameterVersionNotFound");
        assertThat(error("GetParameter", "{'Name':'/app/url:live'}").getMessage()).contains("does not support parameter labels");
        assertThat(call("GetParameter", "{'Name':'arn:aws:ssm:eu-west-1:111122223333:parameter/app/url'}").get("Parameter").get("Name")
                .asText()).isEqualTo("/app/url");
    }

    @Test
    void requiresATypeForNewParametersAndValidatesValues() {
        assertThat(error("PutParameter", "{'Name':'/new','Value':'v'}").getMessage()).isEqualTo("A parameter type is required when you create a parameter.");
        assertThat(error("PutParameter", "{'Name':'/new','Value':'','Type':'String'}").getMessage()).isEqualTo(
                "1 validation error detected: Value '' at 'value' failed to satisfy constraint: Member must have length greater than or equal to 1.");
        assertThat(error("PutParameter", "{'Name':'/new','Value':'v','Type':'Number'}").getMessage()).isEqualTo(
                "1 validation error detected: Value 'Number' at 'type' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[SecureString, StringList, String]");
        assertThat(error("PutParameter", "{'Name':'/new','Value':'" + "x".repeat(4097) + "','Type':'String'}").getMessage())
                .startsWith("Standard tier parameters support a maximum parameter value of 4096 characters.");
        assertThat(call("PutParameter", "{'Name':'/big','Value':'" + "x".repeat(4097) + "','Type':'String','Tier':'Intelligent-Tiering'}")
                .get("Tier").asText()).isEqualTo("Advanced");
        assertThat(error("PutParameter", "{'Name':'/port','Value':'http','Type':'String','AllowedPattern':'^\\\\d+$'}").errorCode())
                .isEqualTo("ParameterPatternMismatchException");
        assertThat(call("PutParameter", "{'Name':'/port','Value':'8080','Type':'String','AllowedPattern':'^\\\\d+$'}").get("Version").asInt()).isEqualTo(1);
        assertThat(error("PutParameter", "{'Name':'/port','Value':'x','Overwrite':true}").errorCode()).isEqualTo("ParameterPatternMismatchException");
        assertThat(error("PutParameter", "{'Name':'/new','Value':'v','Type':'String','Policies':'[]'}").getMessage()).isEqualTo(
                "local-cloud SSM does not support the parameter Policies in PutParameter; supported parameters: AllowedPattern, "
                        + "DataType, Description, KeyId, Name, Overwrite, Tags, Tier, Type, Value");
    }

    @Test
    void hidesSecureStringsUnlessDecrypted() {
        call("PutParameter", "{'Name':'/secret','Value':'s3cr3t','Type':'SecureString'}");
        call("PutParameter", "{'Name':'/plain','Value':'visible','Type':'String'}");
        assertThat(call("GetParameter", "{'Name':'/secret','WithDecryption':true}").get("Parameter").get("Value").asText()).isEqualTo("s3cr3t");
        assertThat(call("GetParameter", "{'Name':'/secret'}").get("Parameter").get("Value").asText()).doesNotContain("s3cr3t").isNotEmpty();
        assertThat(call("DescribeParameters", "{}").get("Parameters").get(1).get("KeyId").asText()).isEqualTo("alias/aws/ssm");
        assertThat(ssm.parameters()).isEqualTo(Map.of("/plain", "visible", "/secret", "********"));
    }

    @Test
    void getsSeveralParametersAndNamesTheMissingOnes() {
        call("PutParameter", "{'Name':'/a','Value':'1','Type':'String'}");
        call("PutParameter", "{'Name':'/b','Value':'2,3','Type':'StringList'}");
        JsonNode response = call("GetParameters", "{'Names':['/a','/nope','/b','/nope','/a:9']}");
        assertThat(response.get("Parameters").findValuesAsText("Name")).containsExactly("/a", "/b");
        assertThat(response.get("InvalidParameters")).isEqualTo(json("['/nope','/a:9']"));
        assertThat(error("GetParameters", "{'Names':['1','2','3','4','5','6','7','8','9','10','11']}").getMessage())
                .contains("Member must have length less than or equal to 10");
    }

    @Test
    void pagesThroughAPathInNameOrder() {
        for (String name : List.of("/app/e", "/app/a", "/app/c", "/app/b", "/app/d", "/app/deep/x", "/other/z", "rooted")) {
            call("PutParameter", "{'Name':'" + name + "','Value':'v','Type':'String'}");
        }
        assertThat(names("GetParametersByPath", "{'Path':'/app','MaxResults':2}")).containsExactly(
                List.of("/app/a", "/app/b"), List.of("/app/c", "/app/d"), List.of("/app/e"));
        // a full page does not look ahead: the listing ends with an empty page
        assertThat(names("GetParametersByPath", "{'Path':'/app/','Recursive':true,'MaxResults':3}")).containsExactly(
                List.of("/app/a", "/app/b", "/app/c"), List.of("/app/d", "/app/deep/x", "/app/e"), List.of());
        assertThat(names("GetParametersByPath", "{'Path':'/'}")).containsExactly(List.of("rooted"));
        assertThat(names("DescribeParameters", "{'MaxResults':5}")).hasSize(2);
        assertThat(error("GetParametersByPath", "{'Path':'/app','NextToken':'***'}").errorCode()).isEqualTo("InvalidNextToken");
        assertThat(error("GetParametersByPath", "{'Path':'/app','MaxResults':11}").getMessage()).isEqualTo(
                "1 validation error detected: Value 11 at 'maxResults' failed to satisfy constraint: Member must have value less than or equal to 10");
        assertThat(error("GetParametersByPath", "{'Path':'/app','ParameterFilters':[{'Key':'Type','Values':['String']}]}").getMessage())
                .isEqualTo("local-cloud SSM does not support ParameterFilters in GetParametersByPath; supported parameters: "
                        + "MaxResults, NextToken, Path, Recursive, WithDecryption");
    }

    @Test
    void deletesOneOrSeveral() {
        call("PutParameter", "{'Name':'/a','Value':'1','Type':'String'}");
        call("PutParameter", "{'Name':'/b','Value':'1','Type':'String'}");
        call("PutParameter", "{'Name':'/c','Value':'1','Type':'String'}");
        assertThat(call("DeleteParameter", "{'Name':'/a'}")).isEmpty();
        assertThat(error("DeleteParameter", "{'Name':'/a'}").errorCode()).isEqualTo("ParameterNotFound");
        assertThat(call("DeleteParameters", "{'Names':['/b','/a','/c']}")).isEqualTo(json(
                "{'DeletedParameters':['/b','/c'],'InvalidParameters':['/a']}"));
        assertThat(ssm.parameters()).isEmpty();
        // a parameter created again starts its versions over
        assertThat(call("PutParameter", "{'Name':'/a','Value':'1','Type':'String'}").get("Version").asInt()).isEqualTo(1);
    }

    @Test
    void parametersAndTheirHistorySurviveANewInstanceOnTheSameDirectory() {
        SsmService first = new SsmService("us-east-1", "123456789012", Optional.of(dataDir));
        first.call("PutParameter", json("{'Name':'/keep','Value':'one','Type':'String','Description':'kept'}"));
        first.call("PutParameter", json("{'Name':'/keep','Value':'two','Overwrite':true}"));
        first.call("PutParameter", json("{'Name':'/gone','Value':'x','Type':'SecureString'}"));
        first.call("DeleteParameter", json("{'Name':'/gone'}"));
        SsmService second = new SsmService("us-east-1", "123456789012", Optional.of(dataDir));
        assertThat(second.parameters()).isEqualTo(Map.of("/keep", "two"));
        assertThat(second.call("GetParameter", json("{'Name':'/keep:1'}")).get("Parameter").get("Value").asText()).isEqualTo("one");
        assertThat(second.call("DescribeParameters", json("{}")).get("Parameters").get(0).get("Description").asText()).isEqualTo("kept");
        assertThat(second.call("PutParameter", json("{'Name':'/keep','Value':'three','Overwrite':true}")).get("Version").asInt()).isEqualTo(3);
        assertThat(dataDir.resolve("ssm").resolve("parameters.json")).exists();
    }

    @Test
    void keepsTheLastHundredVersions() {
        call("PutParameter", "{'Name':'/busy','Value':'0','Type':'String'}");
        for (int i = 1; i <= 100; i++) {
            call("PutParameter", "{'Name':'/busy','Value':'" + i + "','Overwrite':true}");
        }
        assertThat(error("GetParameter", "{'Name':'/busy:1'}").errorCode()).isEqualTo("ParameterVersionNotFound");
        assertThat(call("GetParameter", "{'Name':'/busy:2'}").get("Parameter").get("Value").asText()).isEqualTo("1");
        assertThat(call("GetParameter", "{'Name':'/busy'}").get("Parameter").get("Version").asInt()).isEqualTo(101);
    }

    /** The response as it reads back from the wire, so numbers compare by value rather than by Java type. */
    private JsonNode call(String operation, String input) {
        try {
            return Json.parse(Json.bytes(ssm.call(operation, json(input))));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private AwsServiceException error(String operation, String input) {
        return catchThrowableOfType(AwsServiceException.class, () -> call(operation, input));
    }

    private List<List<String>> names(String operation, String input) {
        List<List<String>> pages = new ArrayList<>();
        ObjectNode request = (ObjectNode) json(input);
        while (pages.size() < 10) {
            JsonNode page = ssm.call(operation, request);
            pages.add(page.get("Parameters").findValuesAsText("Name"));
            if (!page.has("NextToken")) {
                break;
            }
            request.put("NextToken", page.get("NextToken").asText());
        }
        return pages;
    }

    private static JsonNode json(String text) {
        try {
            return Json.parse(text.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
