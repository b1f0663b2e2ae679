package com.wildrydes.ride;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkServiceException;

class SdkCallFailuresTest {

    @Test
    void findsATimeoutWrappedInAClientException() {
        SdkClientException wrapped = SdkClientException.builder()
                .message("Unable to execute HTTP request")
                .cause(ApiCallAttemptTimeoutException.create(2000))
                .build();

        DownstreamException failure = SdkCallFailures.downstream("The rides topic", Duration.ofSeconds(3), wrapped);

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.TIMEOUT);
        assertThat(failure.getMessage()).isEqualTo("The rides topic did not answer within 3000 ms");
    }

    @Test
    void namesTheStatusWhenTheServiceGaveNoErrorCode() {
        SdkServiceException bare = SdkServiceException.builder().statusCode(503).build();

        DownstreamException failure = SdkCallFailures.downstream("The rides topic", Duration.ofSeconds(3), bare);

        assertThat(failure.failure()).isEqualTo(DownstreamFailure.UNAVAILABLE);
        assertThat(failure.getMessage()).isEqualTo("The rides topic is unavailable (HTTP 503)");
    }

    @Test
    void treatsA429AsThrottlingWhateverItsCode() {
        SdkServiceException tooMany = SdkServiceException.builder().statusCode(429).build();

        assertThat(SdkCallFailures.downstream("The fleet", Duration.ofSeconds(1), tooMany).failure())
                .isEqualTo(DownstreamFailure.UNAVAILABLE);
    }
}
