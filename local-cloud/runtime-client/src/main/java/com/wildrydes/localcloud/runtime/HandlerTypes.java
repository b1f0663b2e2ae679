package com.wildrydes.localcloud.runtime;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Finds the type arguments a class gives a generic interface anywhere up its hierarchy, e.g. the
 * {@code I} and {@code O} of {@code RequestHandler<I, O>} for
 * {@code class Handler extends Base<Order>} with {@code class Base<T> implements RequestHandler<T, String>}.
 */
final class HandlerTypes {

    private HandlerTypes() {
    }

    /** The resolved arguments, or null when the class implements the interface only raw. */
    static Type[] typeArguments(Class<?> type, Class<?> genericInterface) {
        return find(type, genericInterface, Map.of());
    }

    private static Type[] find(Type type, Class<?> target, Map<TypeVariable<?>, Type> bindings) {
        Class<?> raw;
        Map<TypeVariable<?>, Type> scope = bindings;
        if (type instanceof ParameterizedType parameterized) {
            raw = (Class<?>) parameterized.getRawType();
            Type[] arguments = parameterized.getActualTypeArguments();
            TypeVariable<?>[] variables = raw.getTypeParameters();
            scope = new HashMap<>();
            for (int i = 0; i < variables.length && i < arguments.length; i++) {
                scope.put(variables[i], substitute(arguments[i], bindings));
            }
            if (raw == target) {
                Type[] resolved = new Type[variables.length];
                for (int i = 0; i < resolved.length; i++) {
                    resolved[i] = scope.get(variables[i]);
                }
                return resolved;
            }
        } else if (type instanceof Class<?> cls) {
            raw = cls;
            if (raw == target) {
                return null;
            }
        } else {
            return null;
        }
        for (Type parent : raw.getGenericInterfaces()) {
            Type[] found = find(parent, target, scope);
            if (found != null) {
                return found;
            }
        }
        Type superclass = raw.getGenericSuperclass();
        return superclass == null ? null : find(superclass, target, scope);
    }

    private static Type substitute(Type type, Map<TypeVariable<?>, Type> bindings) {
        if (type instanceof TypeVariable<?> variable) {
            return bindings.getOrDefault(variable, variable);
        }
        if (type instanceof ParameterizedType parameterized && !bindings.isEmpty()) {
            Type[] arguments = parameterized.getActualTypeArguments().clone();
            boolean changed = false;
            for (int i = 0; i < arguments.length; i++) {
                Type substituted = substitute(arguments[i], bindings);
                changed |= substituted != arguments[i];
                arguments[i] = substituted;
            }
            return changed ? new Resolved(parameterized, arguments) : parameterized;
        }
        return type;
    }

    /** A parameterized type whose variables were replaced by what a subclass bound them to. */
    private record Resolved(ParameterizedType original, Type[] arguments) implements ParameterizedType {

        @Override
        public Type[] getActualTypeArguments() {
            return arguments.clone();
        }

        @Override
        public Type getRawType() {
            return original.getRawType();
        }

        @Override
        public Type getOwnerType() {
            return original.getOwnerType();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof ParameterizedType p
                    && getRawType().equals(p.getRawType())
                    && Objects.equals(getOwnerType(), p.getOwnerType())
                    && Arrays.equals(arguments, p.getActualTypeArguments());
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(arguments) ^ getRawType().hashCode() ^ Objects.hashCode(getOwnerType());
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(getRawType().getTypeName()).append('<');
            for (int i = 0; i < arguments.length; i++) {
                text.append(i == 0 ? "" : ", ").append(arguments[i].getTypeName());
            }
            return text.append('>').toString();
        }
    }
}
