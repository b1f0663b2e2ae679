package com.wildrydes.localcloud.testing;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;

import java.net.URI;

/** Real AWS SDK v2 clients aimed at a local endpoint, as a function or a user would build them. */
public final class AwsClients {

    public static final Region REGION = Region.US_EAST_1;

    private AwsClients() {
    }

    /** For example {@code AwsClients.at(DynamoDbClient.builder(), endpoint)}. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(B builder, URI endpoint) {
        return at(builder, endpoint, "test", "test");
    }

    /** A client signing with the given access key, which local-cloud maps to a caller. */
    public static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C at(
            B builder, URI endpoint, String accessKeyId, String secretKey) {
        return builder
                .endpointOverride(endpoint)
                .region(REGION)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId, secretKey)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
