package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent.ProxyRequestContext;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CorrelationIdTest {

    @Test
    void isApiGatewaysRequestId() {
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
                .withRequestContext(new ProxyRequestContext().withRequestId("c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4"));

        assertThat(CorrelationId.of(request)).isEqualTo(new CorrelationId("c6af9ac6-7b61-4e1f-9a41-93e8d1b2c3f4"));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"id with spaces", "line\nbreak"})
    void isAFreshUuidWhenTheRequestIdIsMissingOrUnfitForALog(String requestId) {
        APIGatewayProxyRequestEvent request = new APIGatewayProxyRequestEvent()
                .withRequestContext(new ProxyRequestContext().withRequestId(requestId));

        CorrelationId first = CorrelationId.of(request);
        CorrelationId second = CorrelationId.of(request);

        assertThat(UUID.fromString(first.value()).version()).isEqualTo(4);
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void isAFreshUuidWhenThereIsNoRequestContext() {
        assertThat(UUID.fromString(CorrelationId.of(new APIGatewayProxyRequestEvent()).value())).isNotNull();
    }

    @Test
    void refusesAValueThatWouldBreakALogLine() {
        assertThatIllegalArgumentException().isThrownBy(() -> new CorrelationId("a\nb"));
    }
}
