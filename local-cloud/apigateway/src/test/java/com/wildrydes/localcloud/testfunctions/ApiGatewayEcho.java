package com.wildrydes.localcloud.testfunctions;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;

import java.util.Map;

/** Answers with what API Gateway handed it, and the trace header the runtime set for it. */
public class ApiGatewayEcho implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String name = event.getPathParameters() == null ? "-" : event.getPathParameters().get("name");
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(200)
                .withHeaders(Map.of("Content-Type", "text/plain", "X-Trace-Seen",
                        String.valueOf(System.getProperty("com.amazonaws.xray.traceHeader"))))
                .withBody(event.getHttpMethod() + " " + event.getPath() + " name=" + name
                        + " stage=" + event.getRequestContext().getStage() + " body=" + event.getBody());
    }
}
