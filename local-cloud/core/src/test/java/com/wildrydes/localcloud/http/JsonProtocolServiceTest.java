package com.wildrydes.localcloud.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.wildrydes.localcloud.json.Json;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class JsonProtocolServiceTest {

    /** Echoes its input for "Echo"; fails the way AWS fails for "Fail". */
    private static final class ExampleService extends JsonProtocolService {
        @Override
        public String signingName() {
            return "example";
        }

        @Override
        protected String contentType() {
            return "application/x-amz-json-1.0";
        }

        @Override
        protected String errorTypePrefix() {
            return "com.example#";
        }

        @Override
        protected String displayName() {
            return "Example";
        }

        @Override
        public Set<String> operations() {
            return Set.of("Echo", "Fail");
        }

        @Override
        protected JsonNode dispatch(String operation, JsonNode input) {
            if (operation.equals("Fail")) {
                throw AwsServiceException.badRequest("ValidationException", "the input was wrong");
            }
            return input;
        }
    }

    private final ExampleService service = new ExampleService();

    @Test
    void anOperationNamedByTheTargetHeaderAnswersItsOutputAsJson() throws Exception {
        AwsResponse response = service.handle(AwsRequest.internal("example", "Example_1.Echo", "{\"a\":1}".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Json.parse(response.body()).path("a").asInt()).isEqualTo(1);
        assertThat(response.headers()).containsEntry("Content-Type", "application/x-amz-json-1.0");
    }

    @Test
    void errorsCarryTheirTypeAsTheSdksParseIt() throws Exception {
        AwsResponse response = service.handle(AwsRequest.internal("example", "Example_1.Fail", new byte[0]));

        assertThat(response.status()).isEqualTo(400);
        JsonNode body = Json.parse(response.body());
        assertThat(body.path("__type").asText()).isEqualTo("com.example#ValidationException");
        assertThat(body.path("message").asText()).isEqualTo("the input was wrong");
    }

    @Test
    void anUnsupportedOperationIsRefusedNamingItAndListingTheSupportedOnes() throws Exception {
        AwsResponse response = service.handle(AwsRequest.internal("example", "Example_1.Transact", new byte[0]));

        assertThat(response.status()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("message").asText())
                .isEqualTo("local-cloud Example does not support the operation Transact; supported operations: Echo, Fail");
    }

    @Test
    void aBodyThatIsNotJsonIsASerializationError() throws Exception {
        AwsResponse response = service.handle(AwsRequest.internal("example", "Example_1.Echo", "{not json".getBytes(StandardCharsets.UTF_8)));

        assertThat(response.status()).isEqualTo(400);
        assertThat(Json.parse(response.body()).path("__type").asText()).isEqualTo("com.example#SerializationException");
    }
}
