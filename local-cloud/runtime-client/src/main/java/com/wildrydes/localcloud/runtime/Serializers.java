package com.wildrydes.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads events and writes results as the managed Java runtime does: the event classes of
 * aws-lambda-java-events (APIGatewayProxyRequestEvent, SNSEvent, ...) with their dedicated
 * serializers, which know AWS's field names; everything else (POJOs, records, maps, strings)
 * with the runtime's Jackson configuration.
 */
final class Serializers {

    private final ClassLoader functionClassLoader;
    private final Map<Type, PojoSerializer<Object>> cache = new ConcurrentHashMap<>();

    Serializers(ClassLoader functionClassLoader) {
        this.functionClassLoader = functionClassLoader;
    }

    PojoSerializer<Object> forType(Type type) {
        return cache.computeIfAbsent(type, this::create);
    }

    @SuppressWarnings("unchecked")
    private PojoSerializer<Object> create(Type type) {
        if (type instanceof Class<?> cls && LambdaEventSerializers.isLambdaSupportedEvent(cls.getName())) {
            return (PojoSerializer<Object>) LambdaEventSerializers.serializerFor(cls, functionClassLoader);
        }
        return JacksonFactory.getInstance().getSerializer(type);
    }

    /** Reads an event; an empty payload reads as null rather than failing. */
    Object read(Type type, InputStream event) throws IOException {
        if (!event.markSupported()) {
            event = new BufferedInputStream(event);
        }
        event.mark(1);
        if (event.read() == -1) {
            return null;
        }
        event.reset();
        return forType(type).fromJson(event);
    }

    void write(Type type, Object result, OutputStream out) {
        forType(type).toJson(result, out);
    }
}
