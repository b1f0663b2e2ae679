package com.wildrydes.localcloud.cloudformation;

import com.wildrydes.localcloud.apigateway.ApiGatewayControl;
import com.wildrydes.localcloud.cloudformation.resources.ResourceProvisioner;
import com.wildrydes.localcloud.cloudformation.sam.SamEventSource;
import com.wildrydes.localcloud.http.JsonProtocolService;
import com.wildrydes.localcloud.lambda.LambdaControl;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * What the CloudFormation engine works with: the account, the edge URL functions see, the services
 * it provisions through, and extra resource provisioners and SAM event types (SNS, SQS).
 *
 * @param edgeUrl               e.g. {@code http://127.0.0.1:4566}; asked at each use, since the edge may bind after construction
 * @param customResourceTimeout how long a custom resource's function has to PUT its response
 */
public record CloudFormationContext(String region, String accountId, Supplier<String> edgeUrl, LambdaControl lambda,
                                    ApiGatewayControl apiGateway, JsonProtocolService dynamodb, JsonProtocolService ssm,
                                    Duration customResourceTimeout, List<ResourceProvisioner> extraProvisioners,
                                    List<SamEventSource> extraEventSources) {

    public CloudFormationContext {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(edgeUrl, "edgeUrl");
        Objects.requireNonNull(lambda, "lambda");
        Objects.requireNonNull(apiGateway, "apiGateway");
        Objects.requireNonNull(dynamodb, "dynamodb");
        Objects.requireNonNull(ssm, "ssm");
        Objects.requireNonNull(customResourceTimeout, "customResourceTimeout");
        extraProvisioners = List.copyOf(extraProvisioners);
        extraEventSources = List.copyOf(extraEventSources);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Defaults: us-east-1, account 000000000000, custom resources answer within 2 minutes. */
    public static final class Builder {

        private String region = "us-east-1";
        private String accountId = "000000000000";
        private Supplier<String> edgeUrl;
        private LambdaControl lambda;
        private ApiGatewayControl apiGateway;
        private JsonProtocolService dynamodb;
        private JsonProtocolService ssm;
        private Duration customResourceTimeout = Duration.ofMinutes(2);
        private final List<ResourceProvisioner> provisioners = new ArrayList<>();
        private final List<SamEventSource> eventSources = new ArrayList<>();

        private Builder() {
        }

        public Builder region(String region) {
            this.region = region;
            return this;
        }

        public Builder accountId(String accountId) {
            this.accountId = accountId;
            return this;
        }

        public Builder edgeUrl(Supplier<String> edgeUrl) {
            this.edgeUrl = edgeUrl;
            return this;
        }

        public Builder lambda(LambdaControl lambda) {
            this.lambda = lambda;
            return this;
        }

        public Builder apiGateway(ApiGatewayControl apiGateway) {
            this.apiGateway = apiGateway;
            return this;
        }

        public Builder dynamodb(JsonProtocolService dynamodb) {
            this.dynamodb = dynamodb;
            return this;
        }

        public Builder ssm(JsonProtocolService ssm) {
            this.ssm = ssm;
            return this;
        }

        public Builder customResourceTimeout(Duration timeout) {
            this.customResourceTimeout = timeout;
            return this;
        }

        /** Adds support for another resource type (e.g. {@code AWS::SNS::Topic}). */
        public Builder provisioner(ResourceProvisioner provisioner) {
            provisioners.add(provisioner);
            return this;
        }

        /** Adds a SAM event type (e.g. {@code SNS}) for {@code AWS::Serverless::Function}'s Events. */
        public Builder eventSource(SamEventSource eventSource) {
            eventSources.add(eventSource);
            return this;
        }

        public CloudFormationContext build() {
            return new CloudFormationContext(region, accountId, edgeUrl, lambda, apiGateway, dynamodb, ssm,
                    customResourceTimeout, provisioners, eventSources);
        }
    }
}
