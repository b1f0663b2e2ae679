package com.wildrydes.systemtests;

/**
 * Runs in a child JVM over a function artifact: constructs the handler with its public no-arg
 * constructor, as the Lambda runtime does at init, under exactly the environment the test gives it.
 * Exit 0: the handler initialised. Exit 3: it refused, and the reason is printed.
 */
public final class HandlerProbe {

    private HandlerProbe() {
    }

    public static void main(String[] args) {
        try {
            Class.forName(args[0]).getConstructor().newInstance();
            System.out.println("initialised " + args[0]);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            System.out.println("init failed: " + cause);
            System.exit(3);
        }
    }
}
