package com.wildrydes.localcloud.runtime;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Turns {@code _HANDLER} into a {@link FunctionHandler}, following the managed Java runtime:
 * {@code pkg.Class} must implement {@link RequestHandler} or {@link RequestStreamHandler};
 * {@code pkg.Class::method} may be any public method shaped {@code ()}, {@code (Context)},
 * {@code (Event)}, {@code (Event, Context)}, {@code (InputStream[, OutputStream][, Context])} or
 * {@code (OutputStream, Context)}. Loading runs the class's static initialiser and constructor,
 * so their cost and their failures belong to the init phase.
 */
final class HandlerLoader {

    private static final byte[] JSON_NULL = "null".getBytes(StandardCharsets.US_ASCII);

    /**
     * Among overloads, a method wins over a bridge method, then a longer signature over a shorter
     * one, where a trailing Context counts twice: the managed runtime's order.
     */
    private static final Comparator<Method> OVERLOAD_PRIORITY = Comparator
            .comparing(Method::isBridge)
            .thenComparing(Comparator.comparingInt(HandlerLoader::signatureWeight).reversed());

    private HandlerLoader() {
    }

    static FunctionHandler load(String handler, ClassLoader functionClassLoader) throws HandlerLoadException {
        if (handler == null || handler.isBlank()) {
            throw new HandlerLoadException(ErrorDocument.of(
                    "No handler is configured: _HANDLER must name pkg.Class or pkg.Class::method", "Runtime.NoSuchHandler"));
        }
        int separator = handler.indexOf("::");
        String className = separator < 0 ? handler.trim() : handler.substring(0, separator).trim();
        String methodName = separator < 0 ? null : handler.substring(separator + 2).trim();
        Class<?> type = loadClass(className, functionClassLoader);
        Serializers serializers = new Serializers(functionClassLoader);
        try {
            return methodName == null ? forClass(type, serializers) : forMethod(type, methodName, serializers);
        } catch (RuntimeException | LinkageError e) {
            // e.g. an event serializer that needs a library the function's code lacks
            throw new HandlerLoadException(ErrorDocument.of(ErrorDocument.withoutRuntimeFrames(e)));
        }
    }

    private static Class<?> loadClass(String className, ClassLoader loader) throws HandlerLoadException {
        try {
            return Class.forName(className, true, loader);
        } catch (ClassNotFoundException e) {
            throw new HandlerLoadException(ErrorDocument.of("Class not found: " + className, ClassNotFoundException.class.getName()));
        } catch (LinkageError e) {
            Throwable reason = e.getCause() != null ? e.getCause() : e;
            String detail = reason.getMessage() == null ? reason.getClass().getName() : reason.getClass().getName() + ": " + reason.getMessage();
            ErrorDocument trace = ErrorDocument.of(ErrorDocument.withoutRuntimeFrames(reason));
            throw new HandlerLoadException(new ErrorDocument("Error loading class " + className + ": " + detail,
                    e.getClass().getName(), trace.stackTrace(), trace.logText()));
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FunctionHandler forClass(Class<?> type, Serializers serializers) throws HandlerLoadException {
        if (RequestStreamHandler.class.isAssignableFrom(type)) {
            RequestStreamHandler handler = (RequestStreamHandler) construct(type);
            return handler::handleRequest;
        }
        if (RequestHandler.class.isAssignableFrom(type)) {
            Type[] types = HandlerTypes.typeArguments(type, RequestHandler.class);
            if (types == null || types.length != 2) {
                throw fault("Class " + type.getName() + " does not implement RequestHandler with concrete type parameters");
            }
            Type input = concrete(type, types[0]);
            Type output = concrete(type, types[1]);
            RequestHandler handler = (RequestHandler) construct(type);
            return pojo(input, isVoid(output) ? null : output, handler::handleRequest, serializers);
        }
        throw fault("Class does not implement an appropriate handler interface: " + type.getName());
    }

    private static Type concrete(Class<?> type, Type argument) throws HandlerLoadException {
        if (argument instanceof TypeVariable<?> variable) {
            Type bound = variable.getBounds()[0];
            if (Object.class.equals(bound)) {
                throw fault("Class " + type.getName() + " does not implement RequestHandler with concrete type parameters: parameter "
                        + variable + " has no upper bound.");
            }
            return bound;
        }
        return argument;
    }

    private static FunctionHandler forMethod(Class<?> type, String methodName, Serializers serializers) throws HandlerLoadException {
        List<Method> overloads = Arrays.stream(type.getMethods())
                .filter(m -> m.getName().equals(methodName))
                .sorted(OVERLOAD_PRIORITY)
                .toList();
        for (Method method : overloads) {
            Optional<FunctionHandler> handler = forOverload(type, method, serializers);
            if (handler.isPresent()) {
                return handler.get();
            }
        }
        throw fault("No public method named " + methodName + " with appropriate method signature found on class " + type.getName());
    }

    private static Optional<FunctionHandler> forOverload(Class<?> type, Method method, Serializers serializers)
            throws HandlerLoadException {
        Class<?>[] p = method.getParameterTypes();
        Type[] generic = method.getGenericParameterTypes();
        Type output = isVoid(method.getGenericReturnType()) ? null : method.getGenericReturnType();
        Shape shape = switch (p.length) {
            case 0 -> Shape.POJO_NO_INPUT;
            case 1 -> p[0] == InputStream.class ? Shape.STREAM_IN
                    : p[0] == OutputStream.class ? Shape.STREAM_OUT
                    : p[0] == Context.class ? Shape.POJO_CONTEXT_ONLY
                    : Shape.POJO_INPUT;
            case 2 -> p[0] == InputStream.class && p[1] == OutputStream.class ? Shape.STREAM_IN_OUT
                    : p[0] == InputStream.class && p[1] == Context.class ? Shape.STREAM_IN_CONTEXT
                    : p[0] == OutputStream.class && p[1] == Context.class ? Shape.STREAM_OUT_CONTEXT
                    : p[0] != Context.class && p[0] != OutputStream.class && p[1] == Context.class ? Shape.POJO_INPUT_CONTEXT
                    : null;
            case 3 -> p[0] == InputStream.class && p[1] == OutputStream.class && p[2] == Context.class ? Shape.STREAM_ALL : null;
            default -> null;
        };
        if (shape == null) {
            return Optional.empty();
        }
        Object target = Modifier.isStatic(method.getModifiers()) ? null : construct(type);
        return Optional.of(switch (shape) {
            case POJO_NO_INPUT -> pojo(null, output, (in, ctx) -> call(method, target), serializers);
            case POJO_CONTEXT_ONLY -> pojo(null, output, (in, ctx) -> call(method, target, ctx), serializers);
            case POJO_INPUT -> pojo(generic[0], output, (in, ctx) -> call(method, target, in), serializers);
            case POJO_INPUT_CONTEXT -> pojo(generic[0], output, (in, ctx) -> call(method, target, in, ctx), serializers);
            case STREAM_IN -> (in, out, ctx) -> call(method, target, in);
            case STREAM_OUT -> (in, out, ctx) -> call(method, target, out);
            case STREAM_IN_OUT -> (in, out, ctx) -> call(method, target, in, out);
            case STREAM_IN_CONTEXT -> (in, out, ctx) -> call(method, target, in, ctx);
            case STREAM_OUT_CONTEXT -> (in, out, ctx) -> call(method, target, out, ctx);
            case STREAM_ALL -> (in, out, ctx) -> call(method, target, in, out, ctx);
        });
    }

    private enum Shape {
        POJO_NO_INPUT, POJO_CONTEXT_ONLY, POJO_INPUT, POJO_INPUT_CONTEXT,
        STREAM_IN, STREAM_OUT, STREAM_IN_OUT, STREAM_IN_CONTEXT, STREAM_OUT_CONTEXT, STREAM_ALL
    }

    @FunctionalInterface
    private interface PojoCall {
        Object apply(Object input, Context context) throws Throwable;
    }

    /**
     * A handler that takes and returns objects, wrapped to take and return JSON. The serializers
     * are created now, during init, as the managed runtime does.
     */
    private static FunctionHandler pojo(Type input, Type output, PojoCall call, Serializers serializers) {
        if (input != null) {
            serializers.forType(input);
        }
        if (output != null) {
            serializers.forType(output);
        }
        return (event, result, context) -> {
            Object value = null;
            if (input != null) {
                try {
                    value = serializers.read(input, event);
                } catch (Exception e) {
                    throw new RuntimeException("An error occurred during JSON parsing", e);
                }
            }
            Object response = call.apply(value, context);
            if (output == null) {
                result.write(JSON_NULL);
                return;
            }
            try {
                serializers.write(output, response, result);
            } catch (Exception e) {
                throw new RuntimeException("An error occurred during JSON serialization of response", e);
            }
        };
    }

    private static Object call(Method method, Object target, Object... arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause() == null ? e : e.getCause();
        }
    }

    private static Object construct(Class<?> type) throws HandlerLoadException {
        Constructor<?> constructor;
        try {
            constructor = type.getConstructor();
        } catch (NoSuchMethodException e) {
            if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
                throw fault("Class " + type.getName() + " cannot be instantiated because it is a non-static inner class");
            }
            throw fault("Class " + type.getName() + " has no public zero-argument constructor");
        }
        try {
            return constructor.newInstance();
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new HandlerLoadException(ErrorDocument.of(ErrorDocument.withoutRuntimeFrames(cause)));
        } catch (ReflectiveOperationException e) {
            throw new HandlerLoadException(ErrorDocument.of(ErrorDocument.withoutRuntimeFrames(e)));
        }
    }

    private static int signatureWeight(Method method) {
        Class<?>[] parameters = method.getParameterTypes();
        boolean endsWithContext = parameters.length > 0 && parameters[parameters.length - 1] == Context.class;
        return parameters.length + (endsWithContext ? 1 : 0);
    }

    private static boolean isVoid(Type type) {
        return type == void.class || type == Void.class;
    }

    private static HandlerLoadException fault(String message) {
        return new HandlerLoadException(ErrorDocument.of(message, "Runtime.InvalidHandler"));
    }
}
