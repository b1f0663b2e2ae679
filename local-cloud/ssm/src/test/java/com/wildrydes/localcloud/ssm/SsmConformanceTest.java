package com.wildrydes.localcloud.ssm;

import com.wildrydes.localcloud.http.EdgeServer;
import com.wildrydes.localcloud.testing.AwsClients;
import com.wildrydes.localcloud.testing.MotoServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.SsmClientBuilder;
import software.amazon.awssdk.services.ssm.model.GetParametersByPathRequest;
import software.amazon.awssdk.services.ssm.model.ParameterMetadata;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.Tag;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The same SDK calls against local-cloud and against moto_server, with equal results. Differences that are
 * not behaviour, and moto's departures from AWS, are evened out in {@link Normalise} only.
 */
class SsmConformanceTest {

    private static MotoServer moto;
    private static EdgeServer edge;
    private static SsmClient local;
    private static SsmClient reference;

    /** What one call produced: a normalised response, or a normalised error. */
    private record Outcome(Object value, List<String> error) {
    }

    @BeforeAll
    static void start() throws IOException {
        moto = MotoServer.startOrSkip();
        reference = AwsClients.at(withoutRetries(), moto.endpoint());
        edge = EdgeServer.start("127.0.0.1", 0);
        local = AwsClients.at(withoutRetries(), URI.create(edge.url()));
    }

    @AfterAll
    static void stop() {
        if (local != null) {
            local.close();
            edge.close();
        }
        if (reference != null) {
            reference.close();
        }
        if (moto != null) {
            moto.close();
        }
    }

    @BeforeEach
    void freshParameters() {
        edge.register(new SsmService("us-east-1", "000000000000", Optional.empty()));
        List<String> names = new ArrayList<>();
        reference.describeParametersPaginator(r -> r.maxResults(50)).forEach(page ->
                page.parameters().forEach(p -> names.add(p.name())));
        names.forEach(name -> reference.deleteParameter(r -> r.name(name)));
    }

    @Test
    void putGetAndVersions() {
        agree(c -> c.putParameter(r -> r.name("/app/url").value("v1").type(ParameterType.STRING)), r -> List.of(r.version(), r.tierAsString()));
        agree(c -> c.putParameter(r -> r.name("/app/url").value("v2").type(ParameterType.STRING)), r -> r);
        agree(c -> c.putParameter(r -> r.name("/app/url").value("v2").overwrite(true)), r -> List.of(r.version(), r.tierAsString()));
        agree(c -> c.putParameter(r -> r.name("/app/url").value("a,b").type(ParameterType.STRING_LIST).overwrite(true)), r -> r.version());
        agree(c -> c.getParameter(r -> r.name("/app/url")).parameter(), p -> Normalise.parameter(p, true));
        agree(c -> c.getParameter(r -> r.name("/app/url:1")).parameter(), p -> Normalise.parameter(p, true));
        agree(c -> c.getParameter(r -> r.name("/app/url:9")), r -> r);
        agree(c -> c.getParameter(r -> r.name("/nope")), r -> r);
        agree(c -> c.putParameter(r -> r.name("plain").value("p").type(ParameterType.STRING)), r -> r.version());
        agree(c -> c.getParameter(r -> r.name("plain")).parameter(), p -> Normalise.parameter(p, true));
        agree(c -> c.putParameter(r -> r.name("/secret").value("s3cr3t").type(ParameterType.SECURE_STRING)), r -> r.version());
        agree(c -> c.getParameter(r -> r.name("/secret").withDecryption(true)).parameter(), p -> Normalise.parameter(p, true));
        agree(c -> c.getParameter(r -> r.name("/secret")).parameter(), p -> Normalise.parameter(p, false));
        agree(c -> c.getParameter(r -> r.name("/secret")).parameter().value().equals("s3cr3t"), same -> same);
    }

    @Test
    void putErrors() {
        agree(c -> c.putParameter(r -> r.name("/new").value("v")), r -> r);
        agree(c -> c.putParameter(r -> r.name("/new").value("").type(ParameterType.STRING)), r -> r);
        agree(c -> c.putParameter(r -> r.name("/new").value("v").type("Number")), r -> r);
        agree(c -> c.putParameter(r -> r.name("/aws/new").value("v").type(ParameterType.STRING)), r -> r);
        agree(c -> c.putParameter(r -> r.name("ssm-new").value("v").type(ParameterType.STRING)), r -> r);
        agree(c -> c.putParameter(r -> r.name("/new").value("v").type(ParameterType.STRING).overwrite(true)
                .tags(Tag.builder().key("k").value("v").build())), r -> r);
    }

    @Test
    void getParametersNamesTheMissingOnes() {
        both(c -> c.putParameter(r -> r.name("/a").value("1").type(ParameterType.STRING)));
        both(c -> c.putParameter(r -> r.name("/b").value("2").type(ParameterType.STRING)));
        agree(c -> c.getParameters(r -> r.names("/a", "/nope", "/b", "/nope")), r -> List.of(
                Normalise.byName(r.parameters(), true), Normalise.invalidParameters(r.invalidParameters())));
    }

    @Test
    void byPathAgreesOnContentAndPages() {
        for (String name : List.of("/app/e", "/app/a", "/app/c", "/app/b", "/app/d", "/app/deep/x", "/other/z", "rooted", "/top")) {
            both(c -> c.putParameter(r -> r.name(name).value("v").type(ParameterType.STRING)));
        }
        for (String path : List.of("/app", "/app/", "/", "/other", "/none")) {
            for (boolean recursive : List.of(false, true)) {
                agree(c -> c.getParametersByPathPaginator(r -> r.path(path).recursive(recursive)).stream()
                        .flatMap(p -> p.parameters().stream()).toList(), ps -> Normalise.byName(ps, true));
            }
        }
        GetParametersByPathRequest paged = GetParametersByPathRequest.builder().path("/app").recursive(true).maxResults(2).build();
        agree(c -> pageSizes(c, paged), sizes -> sizes);
        agree(c -> pageSizes(c, paged.toBuilder().maxResults(3).build()), sizes -> sizes);
        agree(c -> c.getParametersByPath(r -> r.path("/app").maxResults(11)), r -> r);
    }

    @Test
    void deletesAndDescribes() {
        both(c -> c.putParameter(r -> r.name("/a").value("1").type(ParameterType.STRING).description("first")));
        both(c -> c.putParameter(r -> r.name("/b").value("2").type(ParameterType.SECURE_STRING)));
        both(c -> c.putParameter(r -> r.name("/c").value("3").type(ParameterType.STRING_LIST)));
        agree(c -> c.describeParameters(r -> r.maxResults(50)).parameters(), ps -> ps.stream().map(Normalise::metadata)
                .sorted(java.util.Comparator.comparing(m -> m.get("name").toString())).toList());
        agree(c -> c.deleteParameter(r -> r.name("/a")).sdkHttpResponse().isSuccessful(), ok -> ok);
        agree(c -> c.deleteParameter(r -> r.name("/a")), r -> r);
        agree(c -> c.deleteParameters(r -> r.names("/a", "/b")), r -> List.of(r.deletedParameters(), r.invalidParameters()));
        agree(c -> c.describeParameters(r -> r.maxResults(50)).parameters().stream().map(ParameterMetadata::name).toList(), names -> names);
    }

    // ---- harness

    private static void both(Consumer<SsmClient> call) {
        call.accept(local);
        call.accept(reference);
    }

    private static <T> void agree(Function<SsmClient, T> call, Function<T, Object> view) {
        Outcome expected = outcome(reference, call, view);
        Outcome actual = outcome(local, call, view);
        assertThat(actual).as("local-cloud (actual) vs moto_server (expected)").isEqualTo(expected);
    }

    private static <T> Outcome outcome(SsmClient client, Function<SsmClient, T> call, Function<T, Object> view) {
        try {
            return new Outcome(view.apply(call.apply(client)), null);
        } catch (AwsServiceException e) {
            return new Outcome(null, Normalise.error(e));
        }
    }

    private static List<Integer> pageSizes(SsmClient client, GetParametersByPathRequest request) {
        List<Integer> sizes = new ArrayList<>();
        client.getParametersByPathPaginator(request).forEach(page -> sizes.add(page.parameters().size()));
        return sizes;
    }

    /** A retried error would only hide a difference and slow the run. */
    private static SsmClientBuilder withoutRetries() {
        return SsmClient.builder().overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry()));
    }
}
