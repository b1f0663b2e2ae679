package com.wildrydes.localcloud.http;

/** An AWS service that the edge endpoint routes to by the signing name in the SigV4 credential scope. */
public interface AwsService {

    /** The SigV4 signing name this service answers, e.g. {@code dynamodb}, {@code ssm}, {@code lambda}. */
    String signingName();

    /** Serves one call; never throws for a client error, which becomes an AWS-shaped error response. */
    AwsResponse handle(AwsRequest request);
}
