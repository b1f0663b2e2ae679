package com.wildrydes.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import org.junit.jupiter.api.Test;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Type resolution, error documents and fault headers. */
class SmallPartsTest {

    interface Mapper<A, B> extends RequestHandler<A, B> {
    }

    abstract static class ListHandler<T> implements Mapper<List<T>, Map<String, T>> {
    }

    static class Concrete extends ListHandler<Integer> {
        @Override
        public Map<String, Integer> handleRequest(List<Integer> input, Context context) {
            return Map.of();
        }
    }

    @SuppressWarnings("rawtypes")
    static class Raw implements RequestHandler {
        @Override
        public Object handleRequest(Object input, Context context) {
            return input;
        }
    }

    @Test
    void typeArgumentsAreResolvedThroughInterfacesAndSuperclasses() {
        Type[] types = HandlerTypes.typeArguments(Concrete.class, RequestHandler.class);

        assertThat(types).hasSize(2);
        ParameterizedType input = (ParameterizedType) types[0];
        assertThat(input.getRawType()).isEqualTo(List.class);
        assertThat(input.getActualTypeArguments()).containsExactly(Integer.class);
        ParameterizedType output = (ParameterizedType) types[1];
        assertThat(output.getRawType()).isEqualTo(Map.class);
        assertThat(output.getActualTypeArguments()).containsExactly(String.class, Integer.class);
        assertThat(output.toString()).isEqualTo("java.util.Map<java.lang.String, java.lang.Integer>");
    }

    @Test
    void rawImplementationHasNoTypeArguments() {
        assertThat(HandlerTypes.typeArguments(Raw.class, RequestHandler.class)).isNull();
    }

    @Test
    void errorDocumentEscapesJson() {
        ErrorDocument error = ErrorDocument.of("line \"one\"\nline\ttwo \\ \u0001", "Custom.Error");
        assertThat(new String(error.toJson(), StandardCharsets.UTF_8))
                .isEqualTo("{\"errorMessage\":\"line \\\"one\\\"\\nline\\ttwo \\\\ \\u0001\",\"errorType\":\"Custom.Error\"}");
    }

    @Test
    void errorDocumentOfAnExceptionWithoutMessageUsesItsClassName() {
        ErrorDocument error = ErrorDocument.of(new NullPointerException());
        assertThat(error.errorMessage()).isEqualTo("java.lang.NullPointerException");
        assertThat(error.errorType()).isEqualTo("java.lang.NullPointerException");
        assertThat(error.stackTrace()).isNotEmpty();
    }

    @Test
    void faultHeadersRoundTrip() {
        for (InjectedFault fault : List.of(new InjectedFault.Throw("down for maintenance"), new InjectedFault.Sleep(250),
                new InjectedFault.Timeout(), new InjectedFault.Exit(3))) {
            assertThat(InjectedFault.parse(fault.toHeader())).isEqualTo(fault);
        }
        assertThat(new InjectedFault.Throw("two\nlines").toHeader()).isEqualTo("throw:two lines");
        assertThatThrownBy(() -> InjectedFault.parse("explode")).hasMessageContaining("faults are throw:<message>");
        assertThatThrownBy(() -> new InjectedFault.Sleep(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
