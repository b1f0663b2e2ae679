package com.wildrydes.localcloud.ssm;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.DeleteParametersResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.HierarchyLevelLimitExceededException;
import software.amazon.awssdk.services.ssm.model.InvalidNextTokenException;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterAlreadyExistsException;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterPatternMismatchException;
import software.amazon.awssdk.services.ssm.model.ParameterStringFilter;
import software.amazon.awssdk.services.ssm.model.ParameterTier;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.ParameterVersionNotFoundException;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Every supported operation and its errors, through the real AWS SDK over HTTP. */
class SsmSdkTest {

    private static EdgeServer edge;
    private static SsmClient ssm;

    @BeforeAll
    static void startEdge() throws IOException {
        edge = EdgeServer.start("127.0.0.1", 0);
        ssm = AwsClients.at(SsmClient.builder(), URI.create(edge.url()));
    }

    @AfterAll
    static void stopEdge() {
        ssm.close();
        edge.close();
    }

    @BeforeEach
    void freshService() {
        edge.register(new SsmService("us-east-1", "123456789012", Optional.empty()));
    }

    @Test
    void putsAndGetsParametersWithVersions() {
        assertThat(ssm.putParameter(r -> r.name("/wild-rydes/table").value("Rides").type(ParameterType.STRING)).version()).isEqualTo(1);
        var overwritten = ssm.putParameter(r -> r.name("/wild-rydes/table").value("RideRecords").overwrite(true));
        assertThat(overwritten.version()).isEqualTo(2);
        assertThat(overwritten.tier()).isEqualTo(ParameterTier.STANDARD);

        Parameter parameter = ssm.getParameter(r -> r.name("/wild-rydes/table")).parameter();
        assertThat(parameter.name()).isEqualTo("/wild-rydes/table");
        assertThat(parameter.value()).isEqualTo("RideRecords");
        assertThat(parameter.type()).isEqualTo(ParameterType.STRING);
        assertThat(parameter.version()).isEqualTo(2);
        assertThat(parameter.arn()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/wild-rydes/table");
        assertThat(parameter.dataType()).isEqualTo("text");
        assertThat(parameter.lastModifiedDate()).isBetween(Instant.now().minus(Duration.ofMinutes(1)), Instant.now());
        assertThat(ssm.getParameter(r -> r.name("/wild-rydes/table:1")).parameter().value()).isEqualTo("Rides");

        ssm.putParameter(r -> r.name("plain").value("p").type(ParameterType.STRING));
        assertThat(ssm.getParameter(r -> r.name("plain")).parameter().arn()).isEqualTo("arn:aws:ssm:us-east-1:123456789012:parameter/plain");

        ssm.putParameter(r -> r.name("/list").value("a,b,c").type(ParameterType.STRING_LIST));
        assertThat(ssm.getParameter(r -> r.name("/list")).parameter().type()).isEqualTo(ParameterType.STRING_LIST);
    }

    @Test
    void decryptsSecureStringsOnlyWhenAsked() {
        ssm.putParameter(r -> r.name("/db/password").value("s3cr3t").type(ParameterType.SECURE_STRING));
        assertThat(ssm.getParameter(r -> r.name("/db/password").withDecryption(true)).parameter().value()).isEqualTo("s3cr3t");
        assertThat(ssm.getParameter(r -> r.name("/db/password")).parameter().value()).isNotEqualTo("s3cr3t");
        assertThat(ssm.getParametersByPath(r -> r.path("/db").withDecryption(true)).parameters())
                .extracting(Parameter::value).containsExactly("s3cr3t");
    }

    @Test
    void getsSeveralAndListsMissingOnes() {
        ssm.putParameter(r -> r.name("/a").value("1").type(ParameterType.STRING));
        ssm.putParameter(r -> r.name("/b").value("2").type(ParameterType.STRING));
        GetParametersResponse response = ssm.getParameters(r -> r.names("/b", "/missing", "/a"));
        assertThat(response.parameters()).extracting(Parameter::name).containsExactly("/b", "/a");
        assertThat(response.invalidParameters()).containsExactly("/missing");
    }

    @Test
    void pagesByPathAndDescribes() {
        for (String name : List.of("/app/1", "/app/2", "/app/3", "/app/nested/4", "/elsewhere/5")) {
            ssm.putParameter(r -> r.name(name).value("v").type(ParameterType.STRING).description("about " + name));
        }
        assertThat(ssm.getParametersByPathPaginator(r -> r.path("/app").maxResults(2)).stream().flatMap(p -> p.parameters().stream()))
                .extracting(Parameter::name).containsExactly("/app/1", "/app/2", "/app/3");
        assertThat(ssm.getParametersByPathPaginator(r -> r.path("/app").maxResults(2)).stream().count()).isEqualTo(2);
        assertThat(ssm.getParametersByPathPaginator(r -> r.path("/app").recursive(true)).stream().flatMap(p -> p.parameters().stream()))
                .extracting(Parameter::name).containsExactly("/app/1", "/app/2", "/app/3", "/app/nested/4");
        List<ParameterMetadata> described = ssm.describeParametersPaginator(r -> r.maxResults(2)).stream()
                .flatMap(p -> p.parameters().stream()).toList();
        assertThat(described).extracting(ParameterMetadata::name)
                .containsExactly("/app/1", "/app/2", "/app/3", "/app/nested/4", "/elsewhere/5");
        assertThat(described.get(0).description()).isEqualTo("about /app/1");
        assertThat(described.get(0).version()).isEqualTo(1);
        assertThat(described.get(0).typeAsString()).isEqualTo("String");
        assertError(() -> ssm.getParametersByPath(r -> r.path("/app").nextToken("!!")), InvalidNextTokenException.class,
                "InvalidNextToken", "The nextToken is not valid");
        assertError(() -> ssm.describeParameters(r -> r.parameterFilters(
                        ParameterStringFilter.builder().key("Name").values("/app/1").build())), SsmException.class,
                "ValidationException", "local-cloud SSM does not support ParameterFilters in DescribeParameters; supported parameters: "
                        + "MaxResults, NextToken");
    }

    @Test
    void deletes() {
        ssm.putParameter(r -> r.name("/a").value("1").type(ParameterType.STRING));
        ssm.putParameter(r -> r.name("/b").value("1").type(ParameterType.STRING));
        ssm.deleteParameter(r -> r.name("/a"));
        assertError(() -> ssm.getParameter(r -> r.name("/a")), ParameterNotFoundException.class, "ParameterNotFound", "Parameter /a not found.");
        assertError(() -> ssm.deleteParameter(r -> r.name("/a")), ParameterNotFoundException.class, "ParameterNotFound", "Parameter /a not found.");
        DeleteParametersResponse deleted = ssm.deleteParameters(r -> r.names("/a", "/b"));
        assertThat(deleted.deletedParameters()).containsExactly("/b");
        assertThat(deleted.invalidParameters()).containsExactly("/a");
    }

    @Test
    void refusesWithAwsErrors() {
        ssm.putParameter(r -> r.name("/exists").value("1").type(ParameterType.STRING));
        assertError(() -> ssm.putParameter(r -> r.name("/exists").value("2").type(ParameterType.STRING)),
                ParameterAlreadyExistsException.class, "ParameterAlreadyExists",
                "The parameter already exists. To overwrite this value, set the overwrite option in the request to true.");
        assertError(() -> ssm.getParameter(r -> r.name("/exists:5")), ParameterVersionNotFoundException.class, "ParameterVersionNotFound",
                "Systems Manager could not find version 5 of /exists. Verify the version and try again.");
        assertError(() -> ssm.putParameter(r -> r.name("/n").value("x").type(ParameterType.STRING).allowedPattern("[0-9]+")),
                ParameterPatternMismatchException.class, "ParameterPatternMismatchException",
                "Parameter value, cannot be validated against allowedPattern: [0-9]+");
        assertError(() -> ssm.putParameter(r -> r.name("/1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16").value("x").type(ParameterType.STRING)),
                HierarchyLevelLimitExceededException.class, "HierarchyLevelLimitExceededException",
                "A hierarchy can have a maximum of 15 levels. Reduce the number of levels in /1/2/3/4/5/6/7/8/9/10/11/12/13/14/15/16.");
        assertError(() -> ssm.putParameter(r -> r.name("/aws/mine").value("x").type(ParameterType.STRING)), SsmException.class,
                "AccessDeniedException", "No access to reserved parameter name: /aws/mine.");
        assertError(() -> ssm.putParameter(r -> r.name("/new").value("x")), SsmException.class, "ValidationException",
                "A parameter type is required when you create a parameter.");
        assertError(() -> ssm.getParametersByPath(r -> r.path("relative")), SsmException.class, "ValidationException",
                "The parameter doesn't meet the parameter name requirements. The parameter name must begin with a forward slash \"/\". "
                        + "It can't be prefixed with \"aws\" or \"ssm\" (case-insensitive). It must use only letters, numbers, or the "
                        + "following symbols: . (period), - (hyphen), _ (underscore). Special characters are not allowed. All sub-paths, "
                        + "if specified, must use the forward slash symbol \"/\". Valid example: /get/parameters2-/by1./path0_.");
        assertError(() -> ssm.labelParameterVersion(r -> r.name("/exists").labels("live")), SsmException.class,
                "UnknownOperationException", "local-cloud SSM does not support the operation LabelParameterVersion; supported "
                        + "operations: DeleteParameter, DeleteParameters, DescribeParameters, GetParameter, GetParameters, "
                        + "GetParametersByPath, PutParameter");
    }

    private static <E extends AwsServiceException> void assertError(Runnable call, Class<E> type, String code, String message) {
        E error = catchThrowableOfType(type, call::run);
        assertThat(error).as("expected %s", type.getSimpleName()).isNotNull();
        assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
        assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        assertThat(error.statusCode()).isEqualTo(400);
    }
}
