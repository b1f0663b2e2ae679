package com.wildrydes.localcloud.http;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SigV4ScopeTest {

    @Test
    void readsTheScopeFromAnAuthorizationHeader() {
        String header = "AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261127/us-east-1/dynamodb/aws4_request, "
                + "SignedHeaders=host;x-amz-date, Signature=abc123";

        assertThat(SigV4Scope.from(header, null))
                .contains(new SigV4Scope("AKIDEXAMPLE", "20261127", "us-east-1", "dynamodb"));
    }

    @Test
    void readsTheScopeFromAPresignedQueryString() {
        String query = "Action=Publish&X-Amz-Algorithm=AWS4-HMAC-SHA256"
                + "&X-Amz-Credential=AKID%2F20261127%2Feu-west-1%2Fsns%2Faws4_request&X-Amz-Signature=ff";

        assertThat(SigV4Scope.from(null, query)).contains(new SigV4Scope("AKID", "20261127", "eu-west-1", "sns"));
    }

    @Test
    void anUnsignedOrOtherwiseSignedRequestHasNoScope() {
        assertThat(SigV4Scope.from(null, null)).isEmpty();
        assertThat(SigV4Scope.from("Basic dXNlcjpwYXNz", "a=b")).isEmpty();
        assertThat(SigV4Scope.from("AWS4-HMAC-SHA256 Credential=AKID/2026/us-east-1", null)).isEmpty();
    }
}
